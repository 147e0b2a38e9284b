"""Synthetic bilingual candidate profiles for benchmarks (``talentdrive synth``)."""
