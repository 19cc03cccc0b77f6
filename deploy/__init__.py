"""Serving the built site: the nginx server block (nginx.conf) and a local runner for it (lokal.py)."""
