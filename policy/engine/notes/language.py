"""Guessing a note's language from its most common words."""

from __future__ import annotations

import re

_STOPWORDS = {
    "en": "the and you your to of for with we our i my at in on is was would like have this "
    "that it be are hi hello thanks about from met worked together love great looking forward "
    "connect would could been were had will just",
    "de": "und ich sie die der das wir mit zu ihr ihnen ihre mich mir sind bei auf fur ein "
    "eine nicht haben hallo uns dich dir auch gerne gern mochte wurde zusammen uber vom beim "
    "im ist war waren habe hatte kennen netzwerk beruflichen hinzufugen viele grusse",
    "fr": "je vous et le la les des nous avec pour un une est sur votre vos mon ma au aux "
    "bonjour qui que dans pas merci tres avons ai suis ensemble chez j'aimerais souhaiterais "
    "reseau rejoindre ajouter serait cette ce",
    "es": "el los las y que en un una con para tu su mi por nos es muy hola me gustaria te "
    "del al nuestra nuestro juntos trabajamos conocimos gracias red anadirte agregarte "
    "unirme contigo usted estoy",
    "nl": "ik je jij u het de een en van met voor wij we ons mijn op is zijn graag bij hoi "
    "jouw niet heb dat wil toevoegen aan netwerk professionele elkaar samen hebben bedankt "
    "ook",
    "it": "il di che e un una con per ti mi sono ho abbiamo della del ciao tua tuo nostra "
    "nel come vorrei aggiungerti rete professionale insieme lavorato grazie sua piacerebbe "
    "collegarmi far parte lei alla",
    "pt": "o os e de que em um uma com para voce seu sua meu minha nos na no do da ola "
    "gostaria muito adicionar rede profissional juntos trabalhamos obrigado obrigada "
    "conversa participar fazer",
}
_LANG_OF: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words.split():
        _LANG_OF.setdefault(_word, []).append(_lang)
_WORD_RE = re.compile(r"[a-z]+")
_SCAN = 400


def guess_language(folded: str) -> str:
    """Return the ISO 639-1 code whose common words dominate `folded` (a folded note), or ""
    when fewer than two common words are found or two languages tie."""
    counts: dict[str, float] = {}
    for word in _WORD_RE.findall(folded, 0, _SCAN):
        langs = _LANG_OF.get(word)
        if langs:
            share = 1.0 / len(langs)
            for lang in langs:
                counts[lang] = counts.get(lang, 0.0) + share
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if score < 1.5 or (len(ranked) > 1 and ranked[1][1] >= score):
        return ""
    return best
