"""Guessing a note's language from its most common words."""

from __future__ import annotations

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
_SETS = tuple((lang, frozenset(words.split())) for lang, words in _STOPWORDS.items())
_SCAN = 400


def guess_language(folded: str) -> str:
    """Return the ISO 639-1 code whose common words dominate `folded` (a folded note), or ""
    when fewer than two common words are found or two languages tie."""
    words = set(folded[:_SCAN].split())
    best, score, second = "", 0, 0
    for lang, common in _SETS:
        hits = len(words & common)
        if hits > score:
            best, score, second = lang, hits, score
        elif hits > second:
            second = hits
    if score < 2 or second >= score:
        return ""
    return best
