"""Malene som data: kildene (sources/), deklarasjonen av en mal, tekstene, arket."""
