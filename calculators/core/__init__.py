"""Modell-API, deklarasjonene og datafilene, finans og usikkerhet – ren Python som oversettes, uten visning."""
