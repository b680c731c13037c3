"""Word grams: enough of a text's words to tell that two texts speak of the same thing ("没有永久居留证"
and "持有永久居留身份证的外籍人才"), and what a text says is lacking, not its case, changed or kept."""

from __future__ import annotations

import re
from itertools import pairwise

_NEGATED = re.compile(
    r"(?:(?<!有)没有(?!说)|(?<!是)不是|不具备|不持有|尚未|未取得|还没有|没拿到|未拿到|还没拿|没拿|没取得|没获得|未获得"
    r"|(?<!办)不办|(?<!用)不用办|无需办理?|(?<!需)不需要办|免办)([\u4e00-\u9fff]{2,8})"
    r"|\b(?:don't|do not|doesn't|does not|haven't|have not|hasn't|without|w/o|not|no)\s+"
    r"(?!(?:just|only|merely|simply|necessarily)\b)(?:have\s+|hold\s+|got\s+|a\s+|an\s+|any\s+)*((?:[a-z]+\s*){1,4})"
)
_NOT_CASE = re.compile(
    r"(?:(?<![是还尚])不是|(?<![就也还])不算(?:是)?|算不上|并非|并不是)([\u4e00-\u9fff]{2,8})"
    r"|(?:\bnot|\b(?:is|are|was|were)n't)\s+(?!(?:just|only|merely|simply|necessarily)\b)"
    r"(?:a\s+|an\s+|the\s+|really\s+|considered\s+)?"
    r"['\"‘“]?((?:[a-z&-]+\s*){1,4})"
)
_YET = re.compile(r"\byet\b")
_BUT = re.compile(r"[^,，。;；?？!！]{0,6}?[,，、]?\s*(?:但|但是|而是|却|\bbut\b)")
_GRAM_WORD = re.compile(r"[a-z]{3,}")
_GRAM_HAN = re.compile(r"[\u4e00-\u9fff]+")
_COMMON_PAIRS = frozenset({"企业", "高新", "新区", "园区", "人才", "政策", "科技"})  # say nothing of a condition
_COMMON_WORDS = frozenset({"enterprise", "enterprises", "company", "companies", "policy", "support", "zones"})
# what the asker says they change ("改成商业用途", "convert the plant to commercial use"), and what a condition
# keeps unchanged ("不改变土地用途", "not changing the land use"): a question doing the one does not meet the other
_CHANGED = re.compile(
    r"(?<![不未没])(?:改成|改为|改作|变更|改变|转为|转成|变成|调整为)([\u4e00-\u9fff]{2,8})"
    r"|(?<!not )(?<!without )\b(?:change|changes|changing|changed|convert|converts|converting|converted"
    r"|repurpose|repurposing|rezone|rezoning)\s+((?:[a-z]+\s*){1,10})"
)
#: land or a plant put to another use ("用途改成商业办公", "改为商业用地", "convert part of it into offices")
_TO_OTHER_USE = re.compile(
    r"(?<![不未没])(?:改成|改为|改作|转为|转成|变成|变更为|调整为)(?:商业|住宅|商住|商用|办公|写字楼|经营性)"
    r"|(?<!\bnot )(?<!n't )(?<!\bwithout )(?<!\bnever )"  # (not "we are not changing the land to commercial use")
    r"\b(?:(?:convert|turn|switch)(?:s|es|ed|ing)?|(?:chang|repurpos)(?:e|es|ed|ing))\b[^.?!;]{0,30}?\b(?:into|to)\s+"
    r"(?:an?\s+)?(?:commercial|residential|office|offices|retail|housing)\b"
)
_KEPT = re.compile(
    r"(?:不改变|不变更|不改)([\u4e00-\u9fff]{2,8})"
    r"|\b(?:not|without) (?:changing|altering|converting)\s+((?:[a-z]+\s*){1,4})"
)
_FILLER = frozenset({"the", "its", "their", "our", "into", "from", "and", "for", "this", "that", "some", "part"})


def changed_words(normalized: str, kept: bool = False) -> frozenset[str]:
    """The word grams and words of what normalized text says is changed (with `kept`: kept unchanged)."""
    found: set[str] = set()
    for m in (_KEPT if kept else _CHANGED).finditer(normalized):
        text = m.group(1) or m.group(2)
        found |= grams(text, pairs=True) | {w for w in _GRAM_WORD.findall(text) if w not in _FILLER}
    if not kept and _TO_OTHER_USE.search(normalized):
        # "把部分用途改成商业办公", "工业用地改为商业用地": what is changed is the land's use, whatever it is put to
        found |= _LAND_USE
    return frozenset(found)


def negated_grams(normalized: str) -> frozenset[str]:
    """The word grams of what normalized text says is not had or not done ("没有永久居留证",
    "without changing the land use")."""
    lacking = [m.group(1) or m.group(2) for m in _NEGATED.finditer(normalized) if not _BUT.match(normalized, m.end())]
    return frozenset().union(*(grams(text, pairs=True) for text in lacking))


def grams(text: str | None, pairs: bool = False) -> frozenset[str]:
    """Chinese 3-character windows (and 2-character ones with `pairs`, save the commonest) and English
    word pairs of normalized `text`: enough to tell that "没有永久居留证" and "持有永久居留身份证的外籍人才",
    or "不是龙头" and "龙头骨干企业", speak of the same thing."""
    if not text:
        return frozenset()
    size = 2 if pairs else 3
    han = {run[i : i + size] for run in _GRAM_HAN.findall(text) for i in range(len(run) - size + 1)} - _COMMON_PAIRS
    words = _GRAM_WORD.findall(text.replace("-", ""))  # "high-end" is one word: "highend"
    singles = {w for w in words if len(w) >= 6 and w not in _COMMON_WORDS} if pairs else set()
    return frozenset(han | singles | {f"{a} {b}" for a, b in pairwise(words)})


def not_case_grams(normalized: str) -> frozenset[str]:
    """The word grams of what normalized text says its case is not ("不是新型研发机构", "not an R&D institute")."""
    # "isn't a high-tech zone yet": what it is to become; "不是高层次人才、但属于急需紧缺人才": what it is instead
    cases = [
        m.group(1) or m.group(2)
        for m in _NOT_CASE.finditer(normalized)
        if not _BUT.match(normalized, m.end()) and not _YET.search(m.group(1) or m.group(2))
    ]
    return frozenset().union(*(grams(case, pairs=True) for case in cases))


# what a statement's action says is not charged or no longer required ("不再增收土地价款", "no additional land
# price"), and whether a question itself says so ("不用补缴…吧？")
_DENIED = re.compile(
    r"(?:不再|无需|免于|免收|不收取|不再收取)([\u4e00-\u9fff]{2,8})"
    r"|\b(?:no additional|no extra|no longer|exempt from|free of)\s+((?:[a-z]+\s*){1,3})"
)
_SAYS_NONE = re.compile(
    r"不用|不需要|无需|不再|不必|免|不收|不会|不增|不加收|不额外|不补|\bno\b|\bnot\b|\bwithout\b|\bfree\b"
)


def denied_grams(normalized: str) -> frozenset[str]:
    """The word grams of what normalized text says is not charged or no longer required."""
    return frozenset().union(*(grams(m.group(1) or m.group(2), pairs=True) for m in _DENIED.finditer(normalized)))


def says_none(normalized: str) -> bool:
    """The text itself says something is not charged, needed or done."""
    return bool(_SAYS_NONE.search(normalized))


#: the word grams of the land's use, which land put to another use changes ("改成商业办公")
_LAND_USE = grams("土地用途 land use", pairs=True)
