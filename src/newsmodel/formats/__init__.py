"""Serialised formats: each module pairs a writer with its reader."""
