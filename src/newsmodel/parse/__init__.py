"""Readers of unstructured input (plain text, HTML) into the article model."""
