"""Machine pre-translation engines on CTranslate2 (Argos Translate packages, NLLB-200).

Nothing here imports CTranslate2 or SentencePiece at module level: they are the optional
``mt`` extra and are loaded only when a model is actually opened, so translators, editors and
the glossary checks never need the MT stack.

* :mod:`workflow.mt.ct2`: one loaded model, batched ``translate_batch`` calls, thread plan.
* :mod:`workflow.mt.argos`: Argos package discovery, routes (direct or pivot), the engine.
* :mod:`workflow.mt.nllb`: an NLLB-200 CTranslate2 model configured per target language.
* :mod:`workflow.mt.registry`: the engines the tool knows (settings values, ``--engine``).
* :mod:`workflow.mt.engines`: the choice of engine per language, and how each is opened.
* :mod:`workflow.mt.install`: validated installation of ``.argosmodel`` archives.
* :mod:`workflow.mt.protect`: glossary terms kept intact through machine translation.
"""
