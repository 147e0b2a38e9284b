from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "talentdrive.resumes"
    label = "resumes"
