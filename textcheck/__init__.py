"""Text checks for the built site: prose extraction, LIX readability and overlap with source texts."""
