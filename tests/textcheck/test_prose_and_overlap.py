"""Prose extraction from built pages, and shared word runs with source texts."""

from textcheck.overlap import shared_runs
from textcheck.prose import article_blocks

PAGE = """
<html><body>
<nav class="md-nav"><a>Forside</a></nav>
<div class="md-content" data-md-component="content"><article class="md-content__inner">
<a class="md-content__button" title="Rediger">Rediger</a>
<h1 id="x">Tittel<a class="headerlink" href="#x">#</a></h1>
<p>Første avsnitt med <strong>uthevet</strong> tekst.<br>Etter linjeskift.</p>
<blockquote><p>Et sitat som ikke teller.</p></blockquote>
<p>Han sa <q>ikke med</q> her, jf. <cite>En tittel</cite>.</p>
<pre><code>print("kode")</code></pre>
<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> Punkt én</li></ul>
<aside class="md-source-file">Sist endret: 1. januar 2025</aside>
</article></div>
<footer><p>Bunntekst</p></footer>
</body></html>
"""


def test_article_blocks_keep_headings_paragraphs_and_list_items() -> None:
    assert article_blocks(PAGE) == [
        "Tittel",
        "Første avsnitt med uthevet tekst.",
        "Etter linjeskift.",
        "Han sa her, jf. .",
        "Punkt én",
    ]


def test_article_blocks_leave_out_navigation_quotes_code_and_footer() -> None:
    text = " ".join(article_blocks(PAGE))
    for left_out in ("Forside", "sitat", "ikke med", "tittel", "kode", "Bunntekst", "Rediger", "Sist endret"):
        assert left_out not in text


def test_a_run_of_twelve_shared_words_is_reported_once() -> None:
    source = "en to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten"
    text = "Før: En, to, tre, fire, fem, seks, sju, åtte, ni, ti, elleve, tolv, tretten! Etter."
    assert shared_runs(text, [source]) == ["en to tre fire fem seks sju åtte ni ti elleve tolv tretten"]


def test_eleven_shared_words_are_allowed() -> None:
    source = "en to tre fire fem seks sju åtte ni ti elleve tolv"
    assert shared_runs("en to tre fire fem seks sju åtte ni ti elleve", [source]) == []
