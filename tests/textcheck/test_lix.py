"""LIX: known values for short texts, and the rules that decide words and sentences."""

import pytest

from textcheck.lix import is_long, lix, score, sentences


def test_two_short_sentences_without_long_words_score_three() -> None:
    assert lix("Jeg er her. Du er der.") == pytest.approx(3.0)


def test_one_sentence_of_only_long_words_scores_one_hundred_and_three() -> None:
    assert lix("Kommunesektoren investerer forebyggende.") == pytest.approx(103.0)


def test_half_long_words_in_two_sentences_scores_fifty_three() -> None:
    # 6 words / 2 sentences + 100 × 3 long / 6 words
    assert lix("Velferdslab hjelper familier. Det tar tid.") == pytest.approx(53.0)


def test_a_word_of_exactly_six_letters_is_not_long() -> None:
    assert not is_long("barnet")


def test_a_word_of_seven_letters_is_long() -> None:
    assert is_long("familie")


def test_digits_do_not_count_as_letters() -> None:
    assert not is_long("2020–2023")


def test_colon_exclamation_and_question_mark_end_sentences() -> None:
    assert len(sentences("Husk dette: Spør familien! Hva er viktig?")) == 3


def test_full_stop_after_an_abbreviation_does_not_end_a_sentence() -> None:
    assert len(sentences("Se Meld. St. 30 s. 69, jf. fvl. § 13. Det er nok.")) == 2


def test_full_stop_inside_a_number_does_not_end_a_sentence() -> None:
    assert len(sentences("Det koster 1.000 kroner i året.")) == 1


def test_each_block_without_a_full_stop_counts_as_a_sentence() -> None:
    assert score(["Første steg", "Andre steg", "Tredje steg"]).sentences == 3


def test_text_without_words_scores_zero() -> None:
    assert lix(["", " – "]) == 0.0


def test_scores_add_up_across_blocks() -> None:
    assert score(["Jeg er her.", "Du er der."]) == score("Jeg er her. Du er der.")
