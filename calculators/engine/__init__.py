"""Finner modellene, regner dem i Python og oversetter dem til JavaScript."""
