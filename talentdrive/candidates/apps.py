from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "talentdrive.candidates"
    label = "candidates"
