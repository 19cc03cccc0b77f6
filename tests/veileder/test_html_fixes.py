from veileder.html_fixes import label_task_list_checkboxes, make_focusable

ITEM = (
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
    '<span class="task-list-indicator"></span></label> {text}</li>'
)


def test_a_task_checkbox_is_named_by_its_item_text() -> None:
    html = label_task_list_checkboxes(ITEM.format(text="Avklar <strong>mandat</strong> &amp; roller."))
    assert '<input type="checkbox" disabled aria-label="Avklar mandat &amp; roller."/>' in html


def test_quotes_in_the_item_text_cannot_break_out_of_the_attribute() -> None:
    html = label_task_list_checkboxes(ITEM.format(text='Si «ja» eller "nei" <em>selv</em>'))
    assert 'aria-label="Si «ja» eller &quot;nei&quot; selv"' in html


def test_a_nested_list_is_not_part_of_the_parent_label() -> None:
    nested = ITEM.format(text="Forankring<ul><li>politisk</li></ul>")
    assert 'aria-label="Forankring"' in label_task_list_checkboxes(nested)


def test_html_without_task_lists_is_unchanged() -> None:
    html = "<ul><li>Vanlig punkt</li></ul>"
    assert label_task_list_checkboxes(html) == html


def test_the_target_gets_tabindex_minus_one() -> None:
    assert make_focusable('<p>x</p><h1 id="personvern">Personvern</h1>', "personvern") == (
        '<p>x</p><h1 id="personvern" tabindex="-1">Personvern</h1>')


def test_only_the_element_with_exactly_that_id_and_an_existing_tabindex_is_kept() -> None:
    html = '<h2 id="personvern-2">A</h2><h1 class="x" id="personvern" tabindex="0">B</h1>'
    assert make_focusable(html, "personvern") == html


def test_a_notebook_link_to_a_markdown_file_points_at_its_page() -> None:
    from veileder.html_fixes import link_markdown_files

    pages = {"metode-familie.md": "../metode-familie/"}
    html = '<a href="metode-familie.md#timekostnad">x</a> <a href="https://a.no/b.md">y</a> <a href="#c">z</a>'
    assert link_markdown_files(html, pages.get, "okonomi/metode.ipynb") == (
        '<a href="../metode-familie/#timekostnad">x</a> <a href="https://a.no/b.md">y</a> <a href="#c">z</a>')


def test_a_notebook_link_to_a_missing_page_names_the_notebook_and_the_link() -> None:
    import pytest

    from veileder.html_fixes import link_markdown_files

    with pytest.raises(ValueError, match=r"okonomi/metode.ipynb: lenken «borte.md»"):
        link_markdown_files('<a href="borte.md">x</a>', {}.get, "okonomi/metode.ipynb")
