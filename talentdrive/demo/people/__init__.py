"""Fictional candidates, resumes and applications that bring the demo drive to life."""
