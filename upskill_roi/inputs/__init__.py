"""What a user can set, declared once, and the state it lives in (no Streamlit).

:mod:`~upskill_roi.inputs.param` defines one declared input (:class:`~upskill_roi.inputs.param.Param`);
:mod:`~upskill_roi.inputs.declared` declares every input of every page; the table codecs
(:mod:`~upskill_roi.inputs.activities`, :mod:`~upskill_roi.inputs.tei`), scenario files and links
(:mod:`~upskill_roi.inputs.scenario`) and personas build on them.
"""
