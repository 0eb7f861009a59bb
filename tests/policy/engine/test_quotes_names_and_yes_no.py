"""One helper each for quote folding, name normalisation and yes/no words, used by every caller."""

import pytest

from intake.fields import parse_bool
from policy.engine.facts import Facts
from policy.engine.normalise import (
    NO_WORDS,
    QUOTES,
    YES_WORDS,
    fold,
    fold_quotes,
    is_quote,
    normalise_name,
    parse_yes_no,
)
from policy.engine.notes.fold import fold_note


def test_typographic_quotes_fold_to_plain_ones_character_for_character():
    text = "„Hallo“ ‚du‘ «salut» it’s `x´ ‛a‟ 5′\u00a0m"
    folded = fold_quotes(text)
    assert folded == "\"Hallo\" 'du' \"salut\" it's 'x' 'a\" 5' m"
    assert len(folded) == len(text)


def test_plain_ascii_text_is_returned_as_it_is():
    text = 'It\'s "fine"'
    assert fold_quotes(text) is text


def test_quote_marks_are_recognised_one_character_at_a_time():
    assert all(is_quote(char) for char in "'\"“”„‚‘’«»`")
    assert not any(is_quote(char) for char in ("a", " ", "-", "", "''", "\u00a0"))


def test_fold_and_the_note_folding_share_the_one_quote_table():
    # Note folding leaves ASCII alone (the backtick included), so offsets stay cheap.
    for code, plain in QUOTES.items():
        if code > 127:
            assert fold_note(chr(code) + "é") == plain + "e"
    assert fold("‚Hi‘ “there”") == "'hi' \"there\""


@pytest.mark.parametrize("word", sorted(YES_WORDS))
def test_every_yes_word_means_yes_in_any_case_and_with_spaces(word):
    assert parse_yes_no(word) is True
    assert parse_yes_no(f"  {word.upper()} ") is True


@pytest.mark.parametrize("word", sorted(NO_WORDS))
def test_every_no_word_means_no_in_any_case_and_with_spaces(word):
    assert parse_yes_no(word) is False
    assert parse_yes_no(f" {word.title()}\t") is False


@pytest.mark.parametrize("text", ["", "  ", "maybe", "yess", "2", "jein"])
def test_anything_else_is_no_answer(text):
    assert parse_yes_no(text) is None


@pytest.mark.parametrize("word", sorted(YES_WORDS | NO_WORDS))
def test_files_and_the_engine_read_the_same_yes_no_words(word):
    expected = word in YES_WORDS
    assert parse_bool(word) is expected
    assert Facts.from_mapping({"requester_has_photo": word}).requester_has_photo is expected


def test_a_name_keeps_its_titles_only_when_asked():
    name = "Prof. Dr. Jürgen Müller-Lüdenscheidt"
    assert normalise_name(name) == "jurgen muller ludenscheidt"
    assert normalise_name(name, keep_titles=True) == "prof dr jurgen muller ludenscheidt"
    assert normalise_name("", keep_titles=True) == ""
