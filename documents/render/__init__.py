"""Skriverne: PDF, ODT, DOCX, HTML, forhåndsvisninger og fingeravtrykket deres."""
