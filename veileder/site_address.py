"""The address the site is published at, and the placeholder a build without ``VL_SITE_URL`` uses.

Printed copies carry the address (the handouts' QR codes, the whole-guide PDF's links, the offline
copy), so a build that does not know it marks them with ``NOTICE`` and says so, and the publishing
command (``./dev publish``, which runs ``python -m veileder.site_address``) refuses it.
"""

from __future__ import annotations

import os
import sys

ENV = "VL_SITE_URL"
PLACEHOLDER = "https://velferdslab.example.no/"
"""Also the default in mkdocs.yml (``site_url: !ENV [VL_SITE_URL, …]``)."""
NOTICE = "Eksempeladresse – sett VL_SITE_URL før dere publiserer"
BUILD_WARNING = (
    f"ADVARSEL (adresse): {ENV} er ikke satt, så utdelingsarkene (QR-kodene), «Hele veilederen som PDF» og "
    f"kopien for bruk uten nett peker på eksempeladressen {PLACEHOLDER}, som ikke finnes. De er merket "
    f"«{NOTICE}». Før dere publiserer: {ENV}=https://adressen.deres/ ./dev publish"
)


EXAMPLE_DOMAINS = ("example", "example.com", "example.net", "example.org", "example.no")
"""Reserved for examples (RFC 2606), and the placeholder's own."""


def is_placeholder(url: str | None) -> bool:
    """True for no address, or one on an example domain (the placeholder is one)."""
    if not url:
        return True
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def published_url(site_url: str | None) -> str:
    """The address printed copies point to: the site's, or the placeholder."""
    return site_url or PLACEHOLDER


def check_for_publishing(environ: dict[str, str] | os._Environ = os.environ) -> str | None:
    """The reason the address is not fit to publish, or None when it is."""
    url = environ.get(ENV, "")
    if not url:
        return f"{ENV} er ikke satt. Skriv adressen nettstedet skal ligge på: {ENV}=https://adressen.deres/ ./dev publish"
    if is_placeholder(url):
        return f"{ENV}={url} er en eksempeladresse. Skriv adressen nettstedet skal ligge på."
    if not url.startswith(("https://", "http://")) or not url.endswith("/"):
        return f"{ENV}={url}: skriv hele adressen med https:// foran og / til slutt, f.eks. https://veileder.kommune.no/"
    return None


if __name__ == "__main__":
    problem = check_for_publishing()
    if problem:
        print(f"Feil: {problem}", file=sys.stderr)
        sys.exit(1)
