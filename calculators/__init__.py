"""Cost models for Velferdslab-veilederen, and the engine that turns them into web calculators.

A model is declared once, in Python (`calculators.core.model`), with a `compute` function written in a
small, translatable subset of Python. The build turns each model into JavaScript for the browser;
tests prove Python and JavaScript give the same numbers.
"""
