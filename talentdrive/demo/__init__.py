"""The demo drive: its plan, requisitions, people and staff accounts, loaded through the domain's services.

Beside the domain, never inside it: the demo imports the domain apps; no domain app imports the demo.
"""
