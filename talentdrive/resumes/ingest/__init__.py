"""Bulk ingest of resume folders: ``directory`` runs it (Django side), ``worker`` parses (pure, per process)."""
