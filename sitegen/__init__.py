"""The generation stage: everything the site generates, made without MkDocs.

``python -m sitegen build --out .cache/staging`` checks every source (``sitegen.check``), copies
``docs/`` into ``<out>/docs`` and writes every generated source there (``sitegen.stage``):
calculator scripts and fragments, template files and previews, handouts, typfall files, the
Datakilder table, law list, bundles, «Sist endret» dates. Any engine that runs Python-Markdown
(MkDocs, ProperDocs, Zensical) builds the site from ``<out>/docs`` with ``<out>/mkdocs.yml``; the
extension ``sitegen.markdown_ext`` pastes the calculator fragments and finishes each page's HTML.
``python -m sitegen post --site site --staging .cache/staging`` then makes the whole-guide PDF and
the offline zip from the built site (``sitegen.post``), with no second build.

Nothing in this package imports MkDocs; ``hooks/site.py`` is the thin MkDocs adapter.
"""
