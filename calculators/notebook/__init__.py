"""Metodenotatboken og analysen bak den."""
