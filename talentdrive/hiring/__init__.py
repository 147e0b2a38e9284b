"""The hiring flow as a whole, above its parts (pipeline, offers, interviews).

``closing``: closing an application and what follows from it (its upcoming interviews cancelled, its
outstanding offers rescinded) in one transaction. ``timeline``: a candidate's timeline with their
interviews, scorecards and offers beside the stage changes, notes and emails.
"""
