from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "talentdrive.interviews"
    label = "interviews"
