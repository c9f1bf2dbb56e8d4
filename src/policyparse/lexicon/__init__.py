"""The vocabulary of 公文 as named data: one leaf package that every stage reads.

Label forms, Chinese numerals, role words, organ-name endings, 文种, 发文字号 and date
forms, page furniture: each is spelled out once, here, and imported by the loaders, the
normaliser, the segmenter, the clause readers and the metadata readers alike. Nothing in
this package imports a stage; it imports only :mod:`policyparse.fold` (tests/test_imports.py
keeps it so). Adding a form is one entry in one table.
"""
