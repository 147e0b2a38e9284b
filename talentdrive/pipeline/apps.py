from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "talentdrive.pipeline"
    label = "pipeline"
