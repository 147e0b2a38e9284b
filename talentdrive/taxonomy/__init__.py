"""The skill taxonomy: canonical AI skills, domains, venues and awards, with Chinese and English names.

Pure Python (no Django): the résumé parser and the matcher both read it, so it sits below them.
The data ships as YAML in ``data/``; ``model.load_taxonomy`` reads it, ``matcher`` finds its names in text.
"""
