"""Deterministic example values for docs."""
