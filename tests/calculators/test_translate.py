"""The translator: exact JavaScript for each supported construct, a clear error for the rest."""

from __future__ import annotations

import pytest

from calculators.engine.translate import TranslationError, translate_function
from tests.calculators import translate_examples as ex

FILE = "tests/calculators/translate_examples.py"


def js(fn, inputs=None) -> str:
    return translate_function(fn, inputs)


def test_arithmetic_keeps_python_grouping() -> None:
    assert js(ex.add) == "function add(a, b) {\n  return a + b - 1;\n}"


def test_parentheses_are_kept_only_where_needed() -> None:
    assert "return a - (b - c) * (a + b) / c;" in js(ex.grouping)


def test_power_is_math_pow_and_binds_tighter_than_unary_minus() -> None:
    assert "return -Math.pow(a, b);" in js(ex.power)


def test_modulo_uses_the_python_sign_rule() -> None:
    code = js(ex.modulo)
    assert code.startswith("function $mod(a, b) {")
    assert "return $mod(a, b);" in code


def test_double_negation_is_not_a_decrement() -> None:
    assert "return -(-a);" in js(ex.unary)


def test_chained_comparison_becomes_a_conjunction() -> None:
    assert "return a < b && b <= c;" in js(ex.compare)


def test_boolean_operators() -> None:
    assert "return a > 0 && b > 0 || !(a === b);" in js(ex.logic)


def test_conditional_expression() -> None:
    assert "return a > 0 ? 1 : -1;" in js(ex.ternary)


def test_if_elif_else_with_locals_declared_once() -> None:
    assert js(ex.branches) == (
        "function branches(a) {\n  let x;\n  if (a > 10) {\n    x = 2;\n  } else if (a > 5) {\n"
        "    x = 1;\n  } else {\n    x = 0;\n  }\n  return x;\n}")


def test_for_range_and_augmented_addition() -> None:
    code = js(ex.loop)
    assert "for (t of $range(0, n)) {\n    total += t;\n  }" in code
    assert "let total, t;" in code


def test_for_range_with_start_and_augmented_multiplication() -> None:
    assert "for (t of $range(a, b)) {\n    total *= t;\n  }" in js(ex.loop_from)


def test_for_over_a_list_and_augmented_subtraction() -> None:
    assert "for (x of xs) {\n    total -= x;\n  }" in js(ex.loop_list)


def test_augmented_division() -> None:
    assert "a /= 2;" in js(ex.divide)


def test_list_literal_append_and_filtered_comprehension() -> None:
    code = js(ex.lists)
    assert "xs = [1, 2];\n  xs.push(n);" in code
    assert "return xs.filter((x) => x > 1).map((x) => x * 2);" in code


def test_comprehension_over_range() -> None:
    assert "return $range(0, n).map((t) => t * t);" in js(ex.comprehension)


def test_indexing_counts_negative_indices_from_the_end() -> None:
    assert "return xs[0] + xs.at(-1) + xs.at(i);" in js(ex.indexing)


def test_builtins() -> None:
    assert ("return Math.min(a, 2) + Math.max(...xs) + Math.abs(a) + $sum(xs) + xs.length"
            " + Number(a) + Math.trunc(a);") in js(ex.builtins)


def test_sorted_is_a_numeric_sort_of_a_copy_and_sqrt_is_math_sqrt() -> None:
    # Both are exact in both languages (a sort; a correctly rounded square root).
    assert "return [...xs].sort((a, b) => a - b)[0] + Math.sqrt(xs[0]);" in js(ex.sorted_and_sqrt)


def test_round_with_and_without_digits() -> None:
    assert "return $round(a) + $round(a, 2) + $round(a, -2);" in js(ex.rounding)


def test_dict_literal_with_a_list() -> None:
    assert 'return {"a": a, "b": [a, a]};' in js(ex.dicts)


def test_module_constants_become_json_and_dict_keys_index() -> None:
    code = js(ex.dict_index)
    assert 'const TABLE = {"a": 1, "b": [2, 3]};' in code
    assert "const RATES = [4.0, 3.0];" in code
    assert 'return TABLE["a"] + RATES.at(key);' in code


def test_finance_functions_are_translated_too() -> None:
    assert "function stepped_rates(rate) {\n  return [rate, Math.max(rate - 1, 0), Math.max(rate - 2, 0)];" \
        in js(ex.calls_finance)


def test_default_parameters_and_keyword_arguments() -> None:
    code = js(ex.keywords)
    assert "function defaults(a, b = 2) {" in code
    assert "return defaults(a, 3);" in code


def test_input_record_attributes() -> None:
    assert "return v.x * 2;" in js(ex.record, frozenset({"x"}))


def test_an_annotated_assignment_is_a_plain_one_in_javascript() -> None:
    # The annotation types the name for the translator; the emitted code is an assignment.
    code = js(ex.annotated)
    assert "row = [0];" in code and "total = a;" in code and "let row, total, i;" in code


def test_docstrings_are_skipped() -> None:
    assert js(ex.with_docstring) == "function with_docstring(a) {\n  return a;\n}"


@pytest.mark.parametrize("fn, construct", [
    (ex.uses_while_else, "while … else"),
    (ex.uses_floor_division, "heltallsdivisjon //"),
    (ex.uses_string_times, "* med tekst og heltall"),
    (ex.uses_tuple, "tuppel"),
    (ex.uses_slice_step, "utsnitt med steg"),
    (ex.uses_lambda, "lambda"),
    (ex.uses_import, "import"),
    (ex.uses_unknown_name, "navnet undefined_name"),
    (ex.uses_break, "break"),
    (ex.uses_in, "tall in liste"),
    (ex.uses_list_plus, "regning med lister"),
    (ex.uses_fstring, "f-streng med !r, !s eller !a"),
    # Operators whose meaning depends on the operands: only with known, supported types.
    (ex.zeros_twice, "regning med lister"),
    (ex.text_plus_number, "+ med tekst og tall"),
    (ex.number_equals_boolean, "sammenligning av tall og sannhetsverdi"),
    (ex.text_times, "* med tekst og heltall"),
    (ex.float_in_text, "tall i f-streng"),
    (ex.str_of_float, "str() med tall"),
    (ex.test_on_a_list, "test på liste"),
    (ex.unknown_plus, "+ med ukjent type og ukjent type"),
    (ex.one_function_two_meanings, "as_text() brukt med ulike typer"),
    (ex.uses_generator, "generatoruttrykk"),
    # JavaScript would call the local: the translator says so instead.
    (ex.shadows_a_function, "navnet zeros både lokalt og utenfra"),
    # An annotated name (``x: T = v``) is typed as declared, so the value must fit and be there.
    (ex.annotated_wrong_value, "label som tall"),
    (ex.annotated_without_value, "typeannotasjon uten verdi"),
    (ex.annotated_unknown_name, "typeannotasjonen NoSuchType"),
    (ex.annotated_quoted_wrong, "label som tall"),  # quoted, as typing.get_type_hints reads it
    (ex.annotated_untranslatable, "typeannotasjonen 'str | None'"),  # never silently dropped
])
def test_constructs_outside_the_subset_fail_with_file_line_column_and_name(fn, construct) -> None:
    with pytest.raises(TranslationError) as caught:
        js(fn)
    error = caught.value
    assert error.construct == construct
    assert error.file == FILE
    assert str(error).startswith(f"{FILE}:{error.line}:{error.col}: {construct} kan ikke oversettes")
    assert error.line > fn.__code__.co_firstlineno


def test_text_operations_translate_to_their_javascript_equivalents() -> None:
    code = js(ex.text_ops)
    assert ('return label.toLowerCase() + ("" + String(n) + ": " + $fixed(x, 1)) + parts.join(", ")'
            ' + String(n) + label.slice(0, -3);') in code
    assert code.startswith("function $fixed(x, d) {")


def test_replace_replaces_every_match_and_split_takes_a_literal() -> None:
    assert 'return label.split("{a}").join("b").split(",");' in js(ex.text_methods)


def test_in_on_a_dict_asks_for_an_own_key_and_on_a_list_for_an_element() -> None:
    assert "return Object.hasOwn(table, key) && !names.includes(key);" in js(ex.contains)


def test_while_loop() -> None:
    assert "while (n > 3) {\n    n -= 3;\n  }" in js(ex.counts_down)


def test_an_unknown_input_is_named() -> None:
    with pytest.raises(TranslationError, match=r"v\.nope.*ingen input med id «nope»"):
        js(ex.uses_bad_attribute, frozenset({"x"}))


def test_a_reserved_word_is_renamed_wherever_the_name_is_used() -> None:
    code = js(ex.reserved_record, frozenset({"x"}))
    assert "function reserved_record(this$) {\n  return this$.x * 2 + passes_record(this$);" in code
    assert "function passes_record(new$) {\n  return new$.x + 1;" in code
    assert "this_ = [this$, var$].map((delete$) => delete$ * 2);" in js(ex.reserved_names)


def test_the_middle_call_of_a_comparison_chain_is_evaluated_once() -> None:
    code = js(ex.chain_with_a_call)
    assert "let $c1;\n  return a < ($c1 = middle(x)) && $c1 <= b && b < middle(b) + 1;" in code
