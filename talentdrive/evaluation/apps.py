from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    """Quality measurement beside the domain: judged sets, synthetic profiles, the eval/synth/rank commands."""

    name = "talentdrive.evaluation"
    label = "evaluation"
    verbose_name = "Evaluation"
