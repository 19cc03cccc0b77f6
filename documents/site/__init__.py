"""Det stagen kaller for malene: alle formater bygget, markørene, skjemaet, dukens skjeletter."""
