"""What a note does, written as constructions over word stems in seven languages.

The patterns run on a note folded by `fold_note` (lower case, no accents, plain quotes and
dashes). In the source below a space stands for any run of whitespace and `<N>` for up to N
other words, so a construction survives inserted adjectives, names and line breaks. Stems end
in `\\w*` where inflection varies ("gearbeitet", "co-producing", "trabalhamos").

Each kind is a construction (an offer plus its object, a benefit, a call to action) or one
unambiguous phrase. Ambiguous single words ("project", "crypto", "growth", "solution") never
appear alone.
"""

from __future__ import annotations

# Objects that a business sells; used after verbs of offering.
_GOODS_EN = (
    r"(?:services?|solutions?|products?|platform|software|saas|tools?|apps?|consult\w*|agency|"
    r"development|design|marketing|seo|sem|ppc|outsourc\w*|staffing|training|coaching|packages?|"
    r"pricing|rates|discounts?|offers?|investments?|funding|loans?|financing|insurance|leads|"
    r"websites?|web design|automation|ai[- ]\w+|analytics|audits?|bookkeeping|accounting|"
    r"recruit\w* services|translation|ghostwriting|video production|branding|developers|"
    r"dedicated teams?|white[- ]label\w*|offshore\w*|custom \w+|end-to-end \w+|managed \w+)"
)
_GOODS_DE = (
    r"(?:dienstleistung\w*|leistungen|losung\w*|produkt\w*|plattform\w*|software\w*|tools?|apps?|"
    r"beratung\w*|agentur\w*|entwicklung\w*|webdesign|marketing\w*|seo|outsourcing|schulung\w*|"
    r"coaching\w*|pakete?|angebot\w*|investment\w*|finanzierung\w*|kredit\w*|versicherung\w*|"
    r"leads|websites?|webseiten?|homepages?|automatisierung\w*|analyse\w*|audits?|"
    r"buchhaltung\w*|ubersetzung\w*|videoproduktion\w*|branding|entwickler\w*|"
    r"personalvermittlung|service\w*|kampagne\w*)"
)
_GOODS_FR = (
    r"(?:services?|solutions?|produits?|plateformes?|logiciels?|outils?|applications?|conseil\w*|"
    r"agence|developpement|design|marketing|seo|externalisation|formations?|coaching|"
    r"accompagnement\w*|offres?|prestations?|investissements?|financements?|credits?|"
    r"assurances?|leads|sites? web|sites? internet|automatisation|audits?|comptabilite|"
    r"traduction|production video|developpeurs)"
)
_GOODS_ES = (
    r"(?:servicios?|soluciones|solucion|productos?|plataformas?|software|herramientas?|"
    r"aplicacion\w*|consultor\w*|asesor\w*|agencia|desarrollo|diseno|marketing|seo|"
    r"externalizacion|outsourcing|formacion\w*|capacitacion\w*|coaching|paquetes?|ofertas?|"
    r"inversion\w*|financiacion|financiamiento|prestamos?|seguros?|leads|sitios? web|"
    r"paginas? web|automatizacion|auditorias?|contabilidad|traduccion\w*|produccion de video|"
    r"desarrolladores)"
)
_GOODS_NL = (
    r"(?:diensten|dienstverlening|oplossing\w*|product\w*|platform\w*|software|tools?|apps?|"
    r"advies\w*|bureau|ontwikkeling|webdesign|marketing|seo|outsourcing|training\w*|coaching|"
    r"pakket\w*|aanbod|aanbieding\w*|investering\w*|financiering\w*|lening\w*|"
    r"verzekering\w*|leads|websites?|automatisering|audits?|boekhouding|vertaling\w*|"
    r"videoproductie|developers|ontwikkelaars)"
)
_GOODS_IT = (
    r"(?:servizi|servizio|soluzion\w*|prodott\w*|piattaform\w*|software|strument\w*|app|"
    r"consulenz\w*|agenzia|sviluppo|design|marketing|seo|outsourcing|formazione|coaching|"
    r"pacchett\w*|offert\w*|investiment\w*|finanziament\w*|prestit\w*|assicurazion\w*|lead|"
    r"siti web|sito web|automazione|audit|contabilita|traduzion\w*|produzione video|"
    r"sviluppatori)"
)
_GOODS_PT = (
    r"(?:servicos?|solucoes|solucao|produtos?|plataformas?|software|ferramentas?|"
    r"aplicativos?|consultori\w*|assessori\w*|agencia|desenvolvimento|design|marketing|seo|"
    r"terceirizacao|outsourcing|treinamentos?|formacao|coaching|pacotes?|ofertas?|"
    r"investimentos?|financiamentos?|emprestimos?|seguros?|leads|sites?|automacao|"
    r"auditorias?|contabilidade|traducao|producao de video|desenvolvedores)"
)
_BENEFIT_EN = (
    r"(?:increas\w*|grow\w*|boost\w*|scal\w*|cut\w*|reduc\w*|sav\w*|generat\w*|achiev\w*|"
    r"improv\w*|doubl\w*|tripl\w*|automat\w*|streamlin\w*|optimi[sz]\w*|win\w*|clos\w*|book\w*|"
    r"land\w*|attract\w*|acquir\w*|hire\w*|hiring|build\w*|launch\w*|unlock\w*|maximi[sz]\w*|"
    r"driv\w*|accelerat\w*|lower\w*|eliminat\w*|recover\w*|get\w* more|turn\w*|convert\w*|"
    r"stand out|rank\w*|outsourc\w*|fill\w*)"
)
_BUSINESSES_EN = (
    r"(?:compan\w*|business\w*|brands?|agenc\w*|firms?|teams?|founders?|startups?|"
    r"organi[sz]ations?|leaders?|executives?|ceos?|cmos?|ctos?|coaches|consultants?|"
    r"e-?commerce\w*|saas|b2b|smbs?|smes?|enterprises?|retailers?|clinics?|practices|"
    r"law firms?|realtors?|recruiters?|manufacturers?|shops?|stores?|restaurants?|hotels?|"
    r"creators?|professionals|clients?|customers)"
)
# A German past participle: "gedreht", "aufgebaut", "entwickelt", "organisiert".
_PARTICIPLE_DE = (
    r"(?:[a-z]*ge[a-z]{3,}(?:t|en)|(?:be|ent|er|ver|zer|uber|unter)[a-z]{3,}t|[a-z]{3,}iert)\b"
)
_CALL_EN = r"(?:call|chat|demo|meeting|zoom|conversation|intro|discovery call|teams call)"
_NUMBER = r"\d[\d.,]*(?:\s?(?:-|to|bis|a)\s?\d[\d.,]*)?"
_MONEY = (
    r"(?:(?:r|us|a|c)?[$€£]\s?"
    + _NUMBER
    + r"\s?k?|"
    + _NUMBER
    + r"\s?k?\s?(?:[$€£]|usd|eur|euros?|dollars?|"
    r"reais|gbp))"
)
_PERIOD_EN = r"(?:(?:per|a|an|every|each|/|in a) ?)?(?:day|week|hour|month|daily|weekly)"

# Families of pitches that name no product word of their own: a team introducing itself by what
# it delivers, a freelancer listing services, staffing, lead promises with numbers, a hook
# question answered by "we", booking a demo or a slot.
_TEAM_NOUN = (
    r"(?:team|teams|agency|agencies|company|studio|firm|consultancy|developers|engineers|"
    r"designers|experts|specialists|equipe|societe|agence|entreprise|cabinet|esn|equipo|empresa|"
    r"agencia|estudio|consultora|bedrijf|bureau|ontwikkelteam|ontwikkelaars|azienda|agenzia|"
    r"societa|squadra|sviluppatori|equipa|empresa|consultoria|\w*team|\w*agentur|\w*firma|"
    r"\w*entwickler\w*|developpeurs|desarrolladores|desenvolvedores|ingenieur\w*|engenheiros|"
    r"ingenieros|ingegneri)"
)
_STAFF = (
    r"(?:[a-z0-9]+-)?(?:\w*developers|\w*engineers|designers|consultants|contractors|freelancers|specialists|"
    r"experts|talents?|profiles|\w*entwickler\w*|\w*fachkrafte\w*|\w*experten|\w*berater\w*|"
    r"\w*spezialist\w*|personal|developpeurs|ingenieurs|consultants|profils|desarrolladores|"
    r"ingenieros|perfiles|programadores|ontwikkelaars|specialisten|professionals|sviluppatori|"
    r"ingegneri|consulenti|profili|desenvolvedores|engenheiros|programadores|perfis)"
)
_AGENCY_INTRO = (
    r"(?:we are|we're|our|nous sommes|notre|nos|somos|nuestr\w*|wij zijn|we zijn|ons|onze|"
    r"siamo|il nostro|la nostra|i nostri|nossa|nosso|wir sind|unser\w*) <4>"
    + _TEAM_NOUN
    + r" <6>(?:offering|providing|delivering|und (?:bieten|entwickeln|liefern|realisieren)|"
    r"et (?:proposons|offrons|developpons|realisons)|y (?:ofrecemos|desarrollamos|brindamos)|"
    r"en (?:bieden|bouwen|leveren|ontwikkelen)|e (?:offriamo|sviluppiamo|forniamo|realizziamo|"
    r"oferecemos|desenvolvemos|fornecemos))\b",
    r"(?:we are|we're|our|nous sommes|notre|nos|somos|nuestr\w*|wij zijn|we zijn|ons|onze|"
    r"siamo|il nostro|la nostra|i nostri|nossa|nosso|wir sind|unser\w*) <4>"
    + _TEAM_NOUN
    + r" <6>(?:specializing in|specialising in|"
    r"specialized in|specialised in|proposant|offrant|specialise\w* (?:en|dans)|ofreciendo|"
    r"especializad[oa] en|specializzat[oa] in|che offre|especializad[oa] em|gespecialiseerd in|"
    r"spezialisiert auf) <4>(?:\S+ )?(?:web|mobile|app|apps|software|it|seo|marketing|design|"
    r"development|developpement|desarrollo|sviluppo|desenvolvimento|ontwikkeling|entwicklung|"
    r"applications?|aplicaciones|applicazioni|aplicativos|services?|servicios|servizi|servicos|"
    r"solutions?|soluciones|soluzioni|solucoes|staffing|outsourcing|recruit\w*|leads)\b",
    # "unser Entwicklerteam setzt Ihre Projekte um", "ons team bouwt uw apps".
    r"(?:our|unser|unsere|notre|nuestro|nuestra|ons|onze|il nostro|la nostra|nosso|nossa|"
    r"a nossa|o nosso) (?:\S+ ){0,1}" + _TEAM_NOUN + r" <4>(?:builds?|develops?|delivers?|"
    r"handles?|takes care of|take care of|setzt|setzen|realisiert|realisieren|entwickelt|"
    r"entwickeln|baut|bauen|betreut|betreuen|ubernimmt|ubernehmen|construit|construisent|"
    r"developpe|developpent|realise|realisent|gere|gerent|desarrolla|desarrollan|construye|"
    r"construyen|gestiona|gestionan|bouwt|bouwen|ontwikkelt|ontwikkelen|realiseert|realiseren|"
    r"levert|leveren|sviluppa|sviluppano|realizza|realizzano|gestisce|gestiscono|desenvolve|"
    r"desenvolvem|constroi|constroem|cria|criam|gerencia|gerenciam) (?:\S+ ){0,1}(?:your|ihre|"
    r"ihren|ihr|deine|dein|vos|votre|tes|sus|tus|su|tu|uw|je|jouw|i tuoi|le tue|il tuo|la tua|"
    r"i suoi|le sue|il suo|la sua|seus|suas|seu|sua)\b",
    r"(?:nous sommes|je suis|somos|soy|sou|siamo|wij zijn|we zijn|wir sind) (?:une|un|una|uma|"
    r"um|een|eine|ein) <3>(?:societe|agence|entreprise|cabinet|esn|ssii|startup|studio|empresa|"
    r"agencia|consultora|estudio|azienda|agenzia|societa|bedrijf|bureau|consultoria|"
    r"softwarehaus|firma|unternehmen) <6>(?:specialise\w* (?:en|dans)|especializad[oa] (?:en|em)|"
    r"specializzat[oa] (?:in|nel|nella)|gespecialiseerd in|spezialisiert auf|qui (?:propose|"
    r"accompagne|aide|developpe)|que (?:ofrece|ayuda|desarrolla|oferece|ajuda|desenvolve)|"
    r"che (?:offre|aiuta|sviluppa)|die (?:bedrijven|organisaties) helpt)\b",
)
_STAFFING = (
    r"(?:nous|on) (?:mettons|met) a (?:votre )?disposition (?:des|de|nos)\b",
    r"(?:mettiamo|metto) a (?:sua |tua |vostra )?disposizione (?:\S+ ){0,1}" + _STAFF,
    r"(?:ponemos|pongo) a (?:su |tu )?disposicion (?:\S+ ){0,1}" + _STAFF,
    r"(?:disponibilizamos|alocamos|fornecemos) (?:\S+ ){0,2}" + _STAFF,
    r"(?:wij|we|ik) (?:detacheren|detacheer|bemiddelen in|leveren) <2>" + _STAFF,
    r"(?:wir|ich) (?:vermitteln|vermittle|stellen (?:ihnen )?(?:\S+ ){0,1}zur verfugung|"
    r"liefern) <3>" + _STAFF,
    r"(?:we|i) (?:provide|supply|deploy|offer) <4>" + _STAFF + r"\b",
    r"(?:do you|does your \w+|you) (?:\S+ ){0,1}need <3>" + _STAFF + r"\?",
    r"(?:besoin de|necesitas|necesita|necesitan|precisa de|precisam de|bisogno di) <3>"
    + _STAFF
    + r"\?",
    r"(?:benotigen|brauchen|suchen) sie (?:\S+ ){0,2}(?:" + _STAFF + r"|verstarkung)\b",
    # A question about staff answered by what "we" do.
    _STAFF + r"(?: [^\s?]+){0,2}\? ?(?:\S+ ){0,2}(?:we|wir|nous|on|wij|noi|nos|nosotros|"
    r"[a-z]+amos|[a-z]+emos|[a-z]+iamo)\b",
    r"(?:developers|ontwikkelaars|engineers|specialisten) nodig\b",
)
_FREELANCE_WORD = (
    r"(?:freelance|freelancer|freiberuflich\w*|selbststandig\w*|independant\w*|autonom[oa]|"
    r"independiente|libero professionista|zzp'er|zelfstandig\w*)"
)
_FREELANCE = (
    # "freelance designer and I create…", "freiberufliche Texterin und schreibe…"
    _FREELANCE_WORD + r"(?: [a-z'-]+){0,3}(?: ?[,:-]| and| und| et| y| e| en)(?: i| ich| je|"
    r" j'| ik| eu)? ?(?:create|design|build|write|make|offer|develop|produce|edit|translate|"
    r"schreibe|erstelle|gestalte|entwickle|programmiere|ubersetze|biete|cree|concois|realise|"
    r"developpe|redige|ecris|propose|traduis|creo|diseno|escribo|desarrollo|ofrezco|traduzco|"
    r"schrijf|maak|ontwerp|bouw|ontwikkel|vertaal|realizzo|progetto|scrivo|sviluppo|offro|"
    r"traduco|crio|desenvolvo|escrevo|ofereco|faco)\b(?: (?:about|uber|sur|sobre|over|su))?",
    # "Soy diseñadora freelance: logotipos, branding…"
    _FREELANCE_WORD + r"(?: [a-z]+)?: (?:\S+ ){0,1}(?:logos?|logotipos?|loghi|flyers?|"
    r"websites?|sites?|webs|apps?|branding|copywriting|texte|textes|textos|testi|teksten|posts?|"
    r"videos?|illustrations?|translations?|traductions?|ubersetzungen|traducciones|traduzioni|"
    r"traducoes|blog\w*|seo|design)\b",
    r"(?:fast|quick|express|same-day|24h|48h) (?:delivery|turnaround)\b",
    r"(?:schnelle|zugige) (?:lieferung|umsetzung)|(?:livraison|realisation) rapide|"
    r"entrega rapida|snelle (?:levering|oplevering)|consegna rapida|prazo rapido",
    r"(?:affordable|reasonable|fair|low|competitive|budget-friendly) (?:prices|pricing|rates)\b",
    r"(?:zu )?(?:fairen|gunstigen|kleinen|attraktiven) preisen\b",
    r"(?:prix|tarifs) (?:abordables|accessibles|attractifs|competitifs|imbattables|reduits|"
    r"mini)\b",
    r"precios (?:asequibles|economicos|accesibles|bajos|justos|increibles)\b",
    r"prezzi (?:accessibili|competitivi|vantaggiosi|contenuti|bassi|onesti|modici)\b",
    r"precos (?:acessiveis|competitivos|baixos|justos|camaradas|imbativeis)\b",
    r"(?:scherpe|lage|betaalbare|eerlijke|voordelige) (?:prijzen|tarieven)\b",
)
_LISTS = (
    r"(?:verified|validated|curated|targeted|up-to-date|gdpr-compliant|verifizierte\w*|"
    r"gepruefte\w*|geprufte\w*|qualifie\w*|verifie\w*|verificad\w*|geverifieerde|"
    r"verificat\w*|validad\w*) (?:\S+ ){0,1}(?:lists?|databases?|listen|datenbank\w*|"
    r"kontaktdaten|fichiers?|base de (?:donnees|datos|dados)|listas?|lijst\w*|bestand\w*|"
    r"liste|elenchi)\b"
)
_LEAD_NOUNS = (
    r"(?:meetings|appointments|calls|demos|leads|clients|customers|termine|\w*kunden|anfragen|"
    r"auftrage|rendez-vous|prospects|rdv|reuniones|citas|clientes|afspraken|klanten|aanvragen|"
    r"appuntamenti|clienti|contatti|reunioes|contatos)"
)
_LEAD_NUMBERS = (
    # Generating or delivering a number of meetings, clients or leads.
    r"(?:generate|generates|book|books|deliver|delivers|bring you|get you|land you|"
    r"generieren|liefern|buchen|bringen|genere|generons|livrons|apportons|decrochons|"
    r"generamos|conseguimos|agendamos|entregamos|traemos|leveren|genereren|boeken|regelen|"
    r"generiamo|fissiamo|portiamo|procuriamo|geramos|trazemos) (?:\S+ ){0,4}\d[\d.,]*\+?"
    r"(?: ?- ?\d[\d.,]*)? (?:\S+ ){0,2}" + _LEAD_NOUNS + r"\b",
    r"(?:qualified|qualifizierte\w*|qualifies|qualifiees|cualificad[oa]s|calificad[oa]s|"
    r"gekwalificeerde|qualificat[ie]|qualificad[oa]s) (?:b2b-? ?)?(?:meetings|appointments|"
    r"calls|termine|gesprache|rendez-vous|rdv|reuniones|citas|afspraken|gesprekken|"
    r"appuntamenti|incontri|reunioes)\b",
    r"(?:meetings|appointments|calls|termine|rendez-vous|reuniones|citas|afspraken|"
    r"appuntamenti|reunioes) (?:qualifizierte\w*|qualifies|cualificad[oa]s|calificad[oa]s|"
    r"qualificat[ie]|qualificad[oa]s)\b",
    r"\d[\d.,]*\+? <2>(?:meetings|appointments|leads|clients|customers|\w*kunden|termine|"
    r"anfragen|rendez-vous|rdv|clients|reuniones|citas|clientes|afspraken|klanten|appuntamenti|"
    r"clienti|reunioes) <2>(?:a|per|every|each|pro|im|jeden|jede|par|chaque|al|por|cada|ao|"
    r"a cada|per|ogni) (?:month|week|monat|woche|mois|semaine|mes|semana|maand|week|mese|"
    r"settimana)\b",
    r"(?:monthly|every month|jeden monat|monatlich|chaque mois|tous les mois|cada mes|"
    r"todos los meses|maandelijks|elke maand|ogni mese|todo mes|todos os meses|mensalmente) "
    r"(?:\S+ ){0,1}\d[\d.,]*\+? <2>(?:meetings|appointments|leads|clients|\w*kunden|termine|"
    r"rendez-vous|reuniones|citas|clientes|afspraken|klanten|appuntamenti|clienti|reunioes)\b",
    # A hook question about the reader's pipeline, answered by what "we" do.
    r"(?:how many|wie viele|combien de|cuantos|cuantas|hoeveel|quanti|quante|quantos|quantas) "
    r"(?:\S+ ){0,2}(?:leads|clients|customers|meetings|appointments|demos|sales|\w*kunden|"
    r"anfragen|termine|prospects|rendez-vous|clientes|reuniones|klanten|afspraken|aanvragen|"
    r"clienti|contatti|appuntamenti|reunioes|contatos|inbound)\b[^?\n]{0,100}\? ?(?:\S+ ){0,1}"
    r"(?:we|our|wir|unser\w*|nous|on|notre|nos|nosotros|nuestr\w*|wij|we|onze|ons|noi|"
    r"abbiamo|il nostro|la nostra|nos|nossa|nosso|[a-z]+amos|[a-z]+emos|[a-z]+imos|"
    r"[a-z]+iamo)\b",
    r"(?:would|wurden|wurde|aimeriez|aimerais|te gustaria|le gustaria|zou|zouden|ti "
    r"piacerebbe|le piacerebbe|gostaria) (?:\S+ ){0,3}\d[\d.,]*\+? <2>(?:more |new |extra |"
    r"additional |zusatzliche |neue |nouveaux |nuevos |nieuwe |nuovi |novos )?(?:clients|"
    r"customers|meetings|leads|\w*kunden|termine|clients|rendez-vous|clientes|reuniones|klanten|"
    r"afspraken|clienti|appuntamenti|reunioes)\b",
)
_BOOK_DEMO = (
    r"(?:book|schedule|reserve|grab|pick|claim|choose) (?:a|your|one) (?:\S+ ){0,1}"
    r"(?:slot|demo)\b",
    r"(?:book|grab|pick) a time (?:here|below|via|on my|in my)\b",
    r"(?:demo|slot|creneau|tijdslot|demostracion|demonstracao)\b <8>(?:https?://)?(?:www\.)?"
    r"(?:calendly\.com|cal\.com|savvycal\.com|zcal\.co|tidycal\.com|youcanbook\.me|"
    r"meetings\.hubspot\.com|hubspot\.com/meetings|calendar\.app\.google|koalendar\.com|"
    r"chilipiper\.com)/",
    r"(?:reservez|reserver|planifiez|planifier|bookez|choisissez|prenez) <3>(?:une |un |votre |"
    r"ton )?(?:demo|creneau)\b",
    r"(?:reserva|reservar|agenda|agendar|agende|programa|programar|reserve|marque|marcar) <3>"
    r"(?:una |uma |tu |su |seu |sua |um |un )?(?:demo|demostracion|demonstracao)\b",
    r"(?:plan|boek|reserveer|kies) <3>(?:een |je |uw )?(?:demo|tijdslot)\b",
    r"(?:prenota|fissa|prenotare|fissare|scegli) <3>(?:una |il tuo |uno )?(?:demo|slot)\b",
    r"(?:buchen|vereinbaren|sichern) sie <3>(?:eine |ihre |ihren )?(?:demo|slot)\w*",
    r"(?:demo|demotermin) (?:hier |direkt |jetzt )*(?:buchen|vereinbaren|sichern)\b",
)

ADVERTISING: dict[str, tuple[str, ...]] = {
    "offer": (
        *_AGENCY_INTRO,
        *_STAFFING,
        *_FREELANCE,
        # English
        r"(?:we|i|our (?:company|agency|firm|team|studio|startup)) (?:currently |also |now )?"
        r"(?:offer|offers|provide|provides|deliver|delivers|sell|sells|supply|supplies|"
        r"specialize in|specialise in|specializes in|specialises in|are specialized in|"
        r"are specialised in) <4>" + _GOODS_EN,
        r"(?:our|my) (?:services|offering|solutions)\b",
        r"(?:our|my) (?:service|solution|product|platform|software|tool|app|agency|system|team) "
        r"(?:can|could|will|helps?|allows?|lets|enables?|automates?|reduces?|increases?|saves?|"
        r"boosts?|streamlines?|gives?|gets|makes|brings|turns|handles|finds|cuts|pays|"
        r"is designed|are designed|has helped|have helped|"
        r"is used by|is trusted by|is built for)\b",
        r"(?:special|exclusive|limited[- ]time|introductory|launch|black friday|early[- ]bird) "
        r"(?:offer|discount|deal|price|pricing|rate|promo\w*)",
        r"\d+ ?% (?:off|discount)\b",
        r"(?:discount|promo|coupon|voucher) code",
        r"(?:buy|order|shop|sign up|register|subscribe) (?:now|today)\b",
        r"(?:at|for) (?:only|just) " + _MONEY,
        r"(?:pricing|prices?|plans?) (?:start|starting) (?:at|from)\b",
        r"(?:paid|sponsored) (?:partnership|collaboration|promotion|post|opportunit\w*|"
        r"campaign)",
        r"(?:commission|affiliate|referral)[- ](?:program\w*|opportunit\w*|based|partnership)",
        r"(?:investment|investing) opportunit\w*",
        r"(?:heard|hear) (?:of|about) our\b",
        r"(?:von|uber) (?:unserer|unserem|unseren|unsere) <1>\S*(?:losung|software|plattform|tool|"
        r"app|produkt|service|angebot)\w*",
        r"(?:our|notre|nos|unser\w*|nuestr\w*|la nostra|il nostro|nossa|nosso|ons|onze) "
        r"(?:\S+ ){0,2}(?:solves|fixes|regle|resout|lost|resuelve|soluciona|risolve|resolve|"
        r"oplost)\b",
        r"(?:did you know|saviez-vous|wussten sie|wusstest du|sabias|sabia|sapevi|sapeva|wist u|"
        r"wist je|voce sabia) (?:that |que |dass |che |dat )?(?:\S+ ){0,3}\d+ ?(?:%|x\b)",
        r"(?:gestionamos|desarrollamos|creamos|disenamos|implementamos|automatizamos) (?:\S+ ){0,3}"
        r"(?:campanas|webs|sitios|apps|aplicaciones|software|soluciones|servicios|estrategias|"
        r"contenidos|redes sociales|tiendas)\b",
        r"(?:offer you|vous proposer|te proposer|ofrecerte|ofrecerle|proponerte|proponerle|"
        r"proporti|proporle|offrirti|offrirle|oferecer|propor|lhe oferecer|te oferecer|"
        r"ihnen (?:\S+ ){0,3}anbieten|je (?:\S+ ){0,2}aanbieden) (?:\S+ ){0,1}(?:our|nos|notre|"
        r"nuestros|nuestras|nuestro|nuestra|i nostri|le nostre|il nostro|la nostra|nossos|nossas|"
        r"nosso|nossa|unsere|unser|onze|ons)\b",
        r"(?:a partir de|ab nur|des|desde|starting at|from only|a partire da|vanaf) " + _MONEY,
        r"(?:wij|we) nemen (?:\S+ ){0,4}(?:van je|van u) over\b",
        r"(?:uitbesteden|outsourcen) van (?:je|jouw|uw)\b",
        r"(?:have you|did you) (?:ever )?(?:thought|considered|think) "
        r"(?:about |of )?(?:outsourcing|"
        r"automating|switching|upgrading|digitali[sz]ing|optimi[sz]ing)\b",
        r"we do (?:it|this|that|the same) for \d+",
        r"(?:perfect|great|ideal|natural) (?:fit|match) for (?:your|you) <1>(?:team|company|"
        r"business|agency|firm|brand|store|shop|clinic|practice)\b",
        r"wir haben (?:\S+ ){0,3}(?:plattform|software|tool|losung|app|produkt|service|system)\w* "
        r"<5>(?:entwickelt|gebaut|gelauncht|auf den markt gebracht)\b",
        r"perfekt zu (?:ihrem|ihrer|ihren|deinem|deiner) (?:team|unternehmen|firma|agentur|"
        r"business|praxis|kanzlei)\b",
        r"(?:i|we) (?:work|partner) with <3>" + _BUSINESSES_EN + r" <3>to <2>" + _BENEFIT_EN,
        r"(?:sponsored|hosted|powered|presented) by our\b",
        r"(?:invite|invitation) (?:you )?to (?:our|an) exclusive\b",
        r"our <2>(?:agency|team|company|firm|platform|tool|software|service|solution|app|product) "
        r"(?:can|will) (?:\S+ ){0,2}(?:help|get|save|give|make|bring|deliver|increase|boost|cut|"
        r"reduce|double|automate|handle|take care)\b",
        r"(?:have|got) (?:buyers|investors|clients|candidates) (?:\S+ ){0,2}(?:looking|interested|"
        r"ready)\b",
        r"wir (?:ubernehmen|erledigen|kummern uns um|machen) (?:\S+ ){0,1}(?:ihre|ihren|ihr|deine|"
        r"deinen|dein)\b",
        r"wir (?:entwickeln|bauen|erstellen|gestalten|realisieren|produzieren|liefern) <5>fur "
        r"(?:unternehmen|firmen|den mittelstand|mittelstandler|kmu|startups|marken|agenturen|"
        r"kunden|handler|kanzleien|praxen)\b",
        r"(?:mas+geschneiderte|individuelle) <1>(?:losungen|software|apps|websites|konzepte) "
        r"<2>fur (?:ihr|ihre|sie|unternehmen|firmen)\b",
        r"nous (?:developpons|creons|concevons|realisons|fabriquons|produisons|installons|"
        r"accompagnons) <4>(?:pour|aux) (?:les |des |vos )?(?:entreprises|pme|tpe|startups|"
        r"marques|agences|clients|professionnels|societes|commerces|industriels)\b",
        r"(?:solutions?|applications?|logiciels?|sites?|developpements?|formations?) sur mesure\b",
        r"vous (?:envoyer|transmettre|faire parvenir) (?:nos|notre) (?:references|brochure|"
        r"plaquette|catalogue|tarifs|offre|presentation|grille)\b",
        r"siamo (?:una|un) <3>(?:software house|agenzia|societa di consulenza|azienda|startup|"
        r"web agency|rivenditore|fornitore|distributore|studio)\b",
        r"(?:sviluppiamo|realizziamo|creiamo|progettiamo|forniamo) <4>(?:per|alle|a) (?:le |i )?"
        r"(?:aziende|imprese|pmi|clienti|professionisti|negozi|brand|startup)\b",
        r"(?:su misura|sur mesure|a medida|sob medida|op maat|mas+geschneidert\w*) "
        r"(?:per|pour|para|voor|fur) (?:le |i |les |las |los |as |os |het )?(?:aziende|imprese|pmi|"
        r"entreprises|pme|empresas|negocios|bedrijven|mkb|unternehmen|firmen)\b",
        r"(?:wij|we) (?:verzorgen|regelen|ontzorgen|leveren|bieden|ontwikkelen|bouwen|maken) "
        r"<5>(?:voor|aan) (?:het )?(?:mkb|bedrijven|ondernemers|organisaties|webshops|zzp'ers|"
        r"klanten|merken)\b",
        r"(?:vaste prijs|vast tarief|fixed price|fixed fee|festpreis|prix fixe|precio fijo|"
        r"prezzo fisso|preco fixo) (?:per|par|por|al|pro|a) (?:maand|month|mois|mes|mese|monat)\b",
        r"offer (?:you )?(?:a|an) <3>(?:partnership|collaboration|deal|discount|package|"
        r"membership|spot|listing|placement|sponsorship|trial)\b",
        r"(?:are you|is your (?:company|team|business)|do you) (?:\S+ ){0,2}(?:looking|planning|"
        r"struggling|trying) to <2>(?:outsource|scale|grow|increase|reduce|cut|automate|improve|"
        r"expand|boost|generate|get more|find more|hire)\b",
        r"(?:i|we) can (?:improve|increase|boost|double|optimi[sz]e|reduce|cut|grow|fix|redesign|"
        r"automate|generate) (?:\S+ ){0,4}your\b",
        r"(?:we|i) (?:sell|sells|supply|distribute|import|export)\b",
        r"(?:candidates|talents?|profiles) <3>(?:for your|pour vos|para sus|para tus|"
        r"per le vostre|per le sue|para suas|fur ihre|fur eure|voor uw|voor je) <2>(?:roles|"
        r"positions|vacancies|openings|open roles|stellen|vakanzen|positionen|postes|vacantes|"
        r"posizioni|vagas|vacatures)\b",
        r"(?:kandidaten|kandidatinnen|bewerber\w*) <3>fur (?:ihre|eure|deine) <2>(?:offene\w* )?"
        r"(?:stellen|vakanzen|positionen)\b",
        r"(?:send|envio|enviar\w*|envoyer|schicken|senden|zusenden|inviar\w*|mandar\w*|sturen) "
        r"<3>(?:catalogo|catalogue|catalog|katalog|listino|price list|preisliste|"
        r"lista de precios|tabela de precos|tarifs)\b",
        r"(?:wholesale|bulk|mayoristas|competitive|unbeatable|unschlagbar\w*|imbattibili|"
        r"imbatibles) (?:prices|pricing|precios|preise\w*|prezzi|precos|prix)\b",
        r"(?:precios|prices|preise\w*|prezzi|precos|prix) (?:mayoristas|de mayorista|wholesale|"
        r"competitivos|imbatibles|imbattibili|unschlagbar\w*|imbatteis)\b",
        r"(?:wir|ich) (?:verkaufen|verkaufe|vertreiben|vertreibe)\b",
        r"(?:nous vendons|nous distribuons|je vends)\b",
        r"(?:vendemos|distribuimos|comercializamos)\b",
        r"(?:wij|we|ik) (?:verkopen|verkoop|leveren aan bedrijven)\b",
        r"(?:vendiamo|distribuiamo)\b",
        r"wir sind (?:eine|ein) <3>\w*(?:agentur|beratung|dienstleister|anbieter|hersteller|"
        r"softwarehaus|vertrieb|handler|gros+handel)\b",
        r"(?:ich|wir) (?:kann|konnte|konnen|konnten) (?:\S+ ){0,4}(?:ihr|ihre|ihren|ihrem|dein|"
        r"deine|deinen) (?:\S+ ){0,4}(?:verbessern|steigern|optimieren|verdoppeln|senken|erhohen|"
        r"automatisieren)\b",
        r"(?:je|nous) (?:peux|pouvons|pourrais|pourrions) (?:vous aider a |t'aider a )?"
        r"(?:ameliorer|augmenter|booster|doubler|optimiser|reduire|developper|generer) "
        r"(?:\S+ ){0,4}(?:votre|vos|ton|tes)\b",
        r"(?:puedo|podemos) (?:ayudarte a |ayudarle a )?(?:mejorar|aumentar|duplicar|optimizar|"
        r"reducir|generar|conseguir) (?:\S+ ){0,4}(?:tu|tus|su|sus)\b",
        r"(?:posso|possiamo) (?:aiutarti a |aiutarla a )?(?:migliorare|aumentare|raddoppiare|"
        r"ottimizzare|ridurre|generare) (?:\S+ ){0,4}(?:il tuo|la tua|i tuoi|le tue|il suo|"
        r"la sua|i suoi|le sue)\b",
        r"(?:posso|podemos) (?:ajudar(?:-lo|-la|-te)? a )?(?:melhorar|aumentar|dobrar|otimizar|"
        r"reduzir|gerar) (?:\S+ ){0,4}(?:seu|sua|seus|suas|teu|tua)\b",
        r"(?:ik|we|wij) (?:kan|kunnen) (?:\S+ ){0,4}(?:je|jouw|uw) (?:\S+ ){0,4}(?:verbeteren|"
        r"verhogen|verdubbelen|optimaliseren|verlagen|laten groeien)\b",
        r"(?:we|our (?:company|agency|firm|team|studio|startup|consultancy)) <1>(?:create|build|"
        r"design|develop|produce|make|deliver|provide|offer|write|manage|run|automate|support|"
        r"partner with|work with|serve|specialize in|specialise in) <6>(?:for|with) <2>"
        + _BUSINESSES_EN,
        r"(?:we|we're|we are|our (?:agency|studio|consultancy|firm|company|startup|team)) "
        r"<3>speciali[sz]\w* in\b",
        r"(?:we are|we're|i am|i'm|i run|we run|i own|i lead|i manage) (?:a|an) <3>(?:agency|"
        r"studio|consultancy|software company|saas company|saas startup|dev shop|software house|"
        r"provider|vendor|supplier|manufacturer|distributor|wholesaler|reseller|outsourcing)\b",
        r"(?:we've|we have|we|i've|i have|i) (?:just |recently )?(?:built|developed|created|"
        r"launched|are launching|designed) (?:a|an|our) <3>(?:platform|tool|app|software|"
        r"solution|product|service|saas|marketplace|course|program\w*|plugin|api)\b <2>(?:that|"
        r"which|to|for)\b",
        r"(?:with|using) our <2>(?:platform|software|tool|app|solution|service|product|system|"
        r"method|framework|help)\b",
        r"our <1>(?:company|agency|firm|team|studio|startup|consultancy|platform) <1>(?:helps|"
        r"offers|provides|delivers|builds|creates|specializes|specialises|works with|supports|"
        r"partners with)\b",
        r"(?:do you|does your (?:company|team|business|agency|firm)|are you) <3>"
        r"(?:need|looking for|struggling with|interested in|considering|planning) <4>"
        r"(?:a new website|website|seo|"
        r"app development|software development|developers|outsourcing|staffing|bookkeeping|"
        r"virtual assistants?|leads|more clients|more customers|video production|"
        r"content writing|funding|a loan|financing)\b",
        r"(?:offer|offering|provide|providing) (?:my|our) (?:services|expertise|support|"
        r"consult\w*|skills)\b",
        # German
        r"(?:wir|ich) (?:bieten|biete|liefern|liefere|vertreiben|verkaufen|verkaufe|"
        r"entwickeln|entwickle|sind spezialisiert auf|spezialisieren uns auf) <4>" + _GOODS_DE,
        r"(?:unser|unsere|unseren|mein|meine) (?:losung|produkt|plattform|software|tool|app|"
        r"dienstleistung\w*|leistungen|angebot|agentur|service|system) <3>(?:kann|konnte|hilft|"
        r"ermoglicht|spart|senkt|steigert|automatisiert|reduziert|sorgt|unterstutzt)\b",
        r"(?:sonderangebot|sonderaktion|rabattcode|gutscheincode|aktionscode|exklusive\w* angebot|"
        r"\d+ ?% rabatt|einfuhrungspreis|jetzt (?:bestellen|kaufen|buchen|zugreifen|sichern))",
        r"(?:investitionsmoglichkeit|investmentmoglichkeit|anlagemoglichkeit|anlagechance)\w*",
        r"(?:provisionsbasis|affiliate[- ]programm|partnerprogramm|bezahlte kooperation)\w*",
        r"(?:unsere|unserer) (?:dienstleistungen|leistungen|produkte|losungen|services)\b",
        r"(?:mit|durch) (?:unserer|unserem|unseren|meiner|meinem) <2>(?:losung|software|plattform|"
        r"tool|app|service|methode|ansatz|agentur|hilfe|unterstutzung|produkt|system)\b",
        r"(?:unser|unsere) (?:unternehmen|agentur|firma|team|kanzlei|beratung|startup|studio|"
        r"plattform) <1>(?:hilft|bietet|unterstutzt|begleitet|entwickelt|liefert|ist "
        r"spezialisiert)\b",
        r"(?:ab|nur|fur nur) " + _MONEY,
        # French
        r"(?:nous|je) (?:proposons|propose|offrons|offre|fournissons|vendons|vends|"
        r"commercialisons|sommes specialises dans|suis specialise dans) <4>" + _GOODS_FR,
        r"(?:notre|nos|ma|mon) (?:solution|produit|plateforme|logiciel|outil|application|agence|"
        r"offre|service|equipe) <3>(?:peut|peuvent|permet|permettent|aide|aident|reduit|"
        r"augmente|automatise)\w*",
        r"(?:offre (?:speciale|exclusive|limitee|de lancement)|remise de \d+|"
        r"\d+ ?% de (?:remise|reduction)|code promo|opportunite d'investissement|"
        r"partenariat remunere|commande[zr]? des maintenant)",
        r"(?:nos (?:services|solutions|produits|offres|prestations)|notre offre)\b",
        r"(?:notre|nos) (?:cabinet|agence|societe|entreprise|equipe|startup|studio|plateforme|"
        r"solution|logiciel|outil) <2>(?:accompagne|aide|propose|offre|fournit|permet|"
        r"developpe)\w*",
        # Spanish
        r"(?:ofrecemos|ofrezco|brindamos|proporcionamos|vendemos|vendo|somos especialistas en|"
        r"estamos especializados en|nos especializamos en) <4>" + _GOODS_ES,
        r"(?:nuestra|nuestro|nuestras|nuestros|mi) (?:solucion|producto|plataforma|software|"
        r"herramienta|aplicacion|agencia|servicio|equipo) <3>(?:puede|pueden|permite|permiten|"
        r"ayuda|ayudan|reduce|aumenta|automatiza)\b",
        r"(?:oferta (?:especial|exclusiva|limitada)|descuento del? \d+|\d+ ?% de descuento|"
        r"codigo (?:de )?(?:descuento|promocional)|oportunidad de inversion|compra ya)",
        r"(?:nuestros servicios|nuestras soluciones|nuestros productos|nuestra oferta)\b",
        r"(?:nuestra|nuestro) (?:empresa|agencia|consultora|equipo|estudio|plataforma|despacho|"
        r"firma|software|herramienta) <1>(?:ayuda|ofrece|brinda|desarrolla|acompana|permite|"
        r"esta especializad\w*)\b",
        r"ofrecer(?:le|te|les)? (?:\S+ ){0,1}(?:nuestros|nuestras|nuestro|nuestra|mis)\b",
        # Dutch
        r"(?:wij|we|ik) (?:bieden|bied|leveren|lever|verkopen|verkoop|zijn gespecialiseerd in|"
        r"ben gespecialiseerd in) <4>" + _GOODS_NL,
        r"(?:onze|ons|mijn) (?:oplossing|product|platform|software|tool|app|dienst|bureau|team) "
        r"<3>(?:kan|helpt|zorgt|bespaart|verhoogt|verlaagt|automatiseert|maakt)\b",
        r"(?:speciale aanbieding|exclusieve aanbieding|kortingscode|\d+ ?% korting|"
        r"investeringsmogelijkheid|bestel nu|nu bestellen)",
        r"(?:onze (?:diensten|oplossingen|producten|dienstverlening)|ons aanbod)\b",
        r"(?:ons|onze) (?:bedrijf|bureau|team|platform|kantoor|software|tool) <1>(?:helpt|biedt|"
        r"levert|ontwikkelt|ondersteunt|is gespecialiseerd)\b",
        # Italian
        r"(?:offriamo|offro|forniamo|fornisco|vendiamo|vendo|siamo specializzati in|"
        r"sono specializzat[oa] in|proponiamo) <4>" + _GOODS_IT,
        r"(?:la nostra|il nostro|i nostri|le nostre|la mia|il mio) (?:soluzione|prodotto|"
        r"piattaforma|software|strumento|app|agenzia|servizio|team) <3>(?:puo|possono|permette|"
        r"aiuta|aiutano|riduce|aumenta|automatizza)\b",
        r"(?:offerta (?:speciale|esclusiva|limitata)|codice sconto|sconto del \d+|"
        r"\d+ ?% di sconto|opportunita di investimento|acquista ora|ordina ora)",
        r"(?:i nostri servizi|le nostre soluzioni|i nostri prodotti|la nostra offerta)\b",
        r"(?:la nostra|il nostro) (?:azienda|agenzia|societa|studio|team|piattaforma|software) "
        r"<1>(?:aiuta|offre|fornisce|sviluppa|supporta|accompagna|permette|e specializzat\w*)\b",
        # Portuguese
        r"(?:oferecemos|ofereco|fornecemos|forneco|vendemos|vendo|somos especialistas em|"
        r"somos especializados em|prestamos) <4>" + _GOODS_PT,
        r"(?:a nossa|o nosso|nossa|nosso|nossos|nossas|minha|meu) (?:solucao|produto|plataforma|"
        r"software|ferramenta|aplicativo|agencia|servico|equipe) <3>(?:pode|podem|permite|"
        r"ajuda|ajudam|reduz|aumenta|automatiza)\b",
        r"(?:oferta (?:especial|exclusiva|limitada)|cupom de desconto|codigo de desconto|"
        r"\d+ ?% de desconto|oportunidade de investimento|compre ja)",
        r"(?:nossos servicos|nossas solucoes|nossos produtos|nossa oferta)\b",
        r"(?:a nossa|nossa|o nosso|nosso) (?:empresa|agencia|consultoria|equipe|plataforma|"
        r"escritorio|software|ferramenta) <1>(?:ajuda|oferece|fornece|desenvolve|apoia|permite|"
        r"cria|faz|produz|entrega|constroi|gerencia|"
        r"e especializad\w*)\b",
        r"(?:somos|sou) (?:uma|um) <3>(?:consultoria|agencia|empresa de (?:software|tecnologia|"
        r"marketing|servicos)|software house)\b",
    ),
    # Sending a quote or a proposal: a pitch, unless a call the note thanks for asked for it.
    "proposal": (
        r"send you (?:a|an) "
        r"(?:free |quick |personali[sz]ed )?(?:quote|proposal|estimate)\b",
        r"(?:vous envoyer|t'envoyer|enviarte|enviarle|enviar|mandar|inviarti|inviarle|"
        r"je (?:\S+ ){0,1}sturen|u (?:\S+ ){0,1}sturen)(?:-lhe|-te)? (?:un|una|um|uma|een|une) "
        r"(?:free |quick |personali[sz]ed |gratis |kostenloses )?(?:quote|proposal|devis|"
        r"presupuesto|propuesta|cotizacion|preventivo|orcamento|cotacao|proposta|offerte)\b",
        r"(?:ihnen|dir) (?:\S+ ){0,2}ein (?:\S+ ){0,1}angebot (?:schicken|senden|machen|erstellen|"
        r"zukommen)",
    ),
    "free_offer": (
        r"(?:free|complimentary|no-cost|no cost|free of charge|free-of-charge) "
        r"(?:(?:[a-z][a-z-]{2,}|a|\d+) ){0,2}(?:demo|audit|trial|consultation|consult|report|"
        r"assessment|analysis|strategy session|strategy call|session|quote|estimate|sample|"
        r"e-?book|guide|mock-?up|evaluation|check-?up|website review|test drive|pilot|"
        r"discovery call|webinar|masterclass)s?\b",
        r"(?:demo|audit|trial|consultation|assessment|analysis|quote|pilot) "
        r"(?:\S+ ){0,2}(?:free of charge|for free|at no cost|on the house|no strings attached)",
        r"(?:try|test) (?:it|us|our \w+) (?:for )?free\b",
        r"(?:first|1st) (?:month|week|session|consultation|lesson|call|order|audit) (?:is )?"
        r"(?:free|on us|gratis|kostenlos|gratuit\w*|gratuita|gratuito)\b",
        r"free for (?:\d+|seven|fourteen|thirty) (?:days|weeks)\b",
        r"(?:no obligation|no-obligation|without obligation|no strings attached)",
        r"(?:kostenlos|kostenfrei|gratis|unverbindlich|gebuhrenfrei)\w* <2>(?:[a-z]+-)?(?:demo|"
        r"audit|"
        r"analyse|potenzialanalyse|beratung|erstberatung|test|testphase|probe|gesprach|"
        r"erstgesprach|strategiegesprach|check|report|bericht|angebot|webinar|strategie\w*|"
        r"ersteinschatzung|muster|e-?book|leitfaden|workshop)\w*",
        r"(?:demo|audit|analyse|beratung|test|gesprach|check|angebot)\w* <2>(?:kostenlos|"
        r"kostenfrei|gratis|unverbindlich)\w*",
        r"(?:unverbindliche\w*|kostenlose\w*) (?:erstgesprach|kennenlerngesprach|beratung\w*)",
        r"(?:demo|audit|essai|consultation|diagnostic|analyse|rapport|devis|etude|bilan|"
        r"echantillon|session|appel|webinaire|atelier) (?:\S+ ){0,2}(?:gratuit\w*|offert\w*|"
        r"sans engagement)",
        r"(?:gratuitement|sans engagement|a titre gracieux)\b",
        r"(?:demo|demostracion|auditoria|prueba|consulta|consultoria|diagnostico|analisis|"
        r"informe|asesoria|presupuesto|sesion|llamada|muestra|webinar|taller) "
        r"(?:\S+ ){0,2}(?:gratis|gratuit[oa]s?|sin compromiso|sin coste|sin costo)\b",
        r"(?:sin compromiso|sin ningun compromiso)\b",
        r"(?:gratis|kosteloze?|vrijblijvende?|gratis en vrijblijvend\w*) <2>(?:demo|audit|"
        r"analyse|adviesgesprek|advies|proef|proefperiode|scan|rapport|consult|"
        r"kennismakingsgesprek|gesprek|offerte|strategiesessie|check|webinar|e-?book)\w*",
        r"(?:geheel vrijblijvend|vrijblijvend)\b",
        r"(?:demo|audit|prova|consulenza|analisi|report|preventivo|check-?up|sessione|"
        r"chiamata|webinar|campione) (?:\S+ ){0,2}(?:gratuit[aoie]|gratis|senza impegno|"
        r"senza costi)\b",
        r"(?:senza impegno|gratuitamente)\b",
        r"(?:demo|demonstracao|auditoria|teste|consultoria|consulta|analise|diagnostico|"
        r"relatorio|orcamento|avaliacao|sessao|chamada|amostra|webinar) (?:\S+ ){0,2}"
        r"(?:gratuit[ao]s?|gratis|sem compromisso|sem custo)\b",
        r"(?:sem compromisso|gratuitamente)\b",
    ),
    "we_help": (
        r"(?:we|i)(?:'ve| have)? (?:help|helps|can help|helped) <3>" + _BUSINESSES_EN,
        r"(?:we|i) (?:help|helps|can help) <6>(?:to )?" + _BENEFIT_EN,
        r"(?:helping|help) " + _BUSINESSES_EN + r" <6>(?:to )?" + _BENEFIT_EN,
        r"(?:i|we) can help (?:you|your \w+) <4>(?:get|grow|increase|double|reach|gain|land|"
        r"book|win|generate|save|cut|reduce|scale) <4>(?:\d+|more|your)\b",
        r"how (?:we|our \w+) (?:can|could|might) help (?:you|your)\b",
        r"comment (?:nous pouvons|nous pourrions|on peut|on pourrait) (?:vous|t') ?aider\b",
        r"como (?:podemos|podriamos) (?:ayudarte|ayudarle|ayudaros|ayudar a tu|ayudar a su)\b",
        r"come (?:possiamo|potremmo) (?:aiutarti|aiutarla|aiutarvi)\b",
        r"como (?:podemos|poderiamos) (?:te |lhe |a )?ajuda\w*\b",
        r"hoe (?:wij|we) (?:je|jou|u|jullie) (?:kunnen|zouden kunnen) helpen\b",
        r"wie wir (?:ihnen|dir|euch|ihrem \w+) (?:\S+ ){0,2}(?:helfen|unterstutzen) "
        r"(?:konnen|konnten)\b",
        r"(?:compan\w*|business\w*|brands?|agenc\w*|firms?|teams?|founders?|startups?|people|"
        r"clients|leaders|organi[sz]ations?|shops?|stores?|practices?|clinics?) like yours?\b",
        r"(?:wir|ich) (?:helfen|helfe|unterstutzen|unterstutze|begleiten|begleite) "
        r"<3>(?:unternehmen|firmen|agenturen|marken|kunden|teams|start-?ups|grunder\w*|"
        r"mittelstand\w*|mittelstandler\w*|kmu|b2b|onlineshops?|shops|handler\w*|kanzleien|"
        r"praxen|selbststandige\w*|coaches|berater\w*|ihnen|dir|euch|sie)\b",
        r"(?:helfen|helfe|unterstutzen|unterstutze) <8>(?:zu )?(?:steigern|senken|sparen|"
        r"gewinnen|generieren|skalieren|automatisieren|verdoppeln|optimieren|wachsen|"
        r"reduzieren|erhohen|finden|fullen)\b",
        r"(?:unternehmen|firmen|agenturen|marken|teams) wie (?:ihres|ihrem|ihrs|deins|deinem|"
        r"ihr|deines|das ihre|das ihrige)\b",
        r"(?:nous aidons|j'aide|nous accompagnons|j'accompagne|on aide) <3>(?:les |des )?"
        r"(?:entreprises|pme|tpe|startups?|marques|agences|equipes|dirigeants|societes|"
        r"independants|commerces|e-?commer\w*|cabinets|clients|professionnels|vous|a)\b",
        r"(?:entreprises|societes|marques|agences|equipes) comme (?:la votre|la tienne|"
        r"les votres|vous)\b",
        r"(?:ayudamos|ayudo|acompanamos|acompano) (?:a )?(?:las |los )?(?:empresas|negocios|"
        r"marcas|agencias|equipos|startups|pymes|companias|organizaciones|clientes|"
        r"profesionales|emprendedores|tiendas)\b",
        r"(?:ayudamos|ayudo) <4>a (?:aumentar|reducir|crecer|escalar|generar|conseguir|llenar|"
        r"captar|atraer|encontrar|ganar|cerrar|facturar|"
        r"duplicar|ahorrar|automatizar|vender|captar|mejorar)\b",
        r"(?:empresas|negocios|marcas|agencias|equipos) como (?:la tuya|la suya|el tuyo|"
        r"el suyo|la vuestra)\b",
        r"(?:wij helpen|we helpen|ik help) <3>(?:bedrijven|organisaties|merken|bureaus|teams|"
        r"ondernemers|startups|mkb\w*|webshops|klanten|je|u|jou)\b",
        r"(?:bedrijven|organisaties|merken|bureaus) zoals (?:die van )?(?:jou|u|jullie|"
        r"het uwe|het jouwe)\b",
        r"(?:aiutiamo|aiuto|supportiamo|affianchiamo) (?:le |i |gli )?(?:aziende|imprese|"
        r"brand|agenzie|team|startup|pmi|clienti|professionisti|negozi|societa)\b",
        r"(?:aiutiamo|aiuto) <4>a (?:aumentare|ridurre|crescere|scalare|generare|ottenere|"
        r"riempire|attrarre|conquistare|chiudere|fatturare|trovare|"
        r"raddoppiare|risparmiare|automatizzare|vendere|trovare)\b",
        r"(?:aziende|imprese|agenzie|societa) come (?:la tua|la sua|la vostra)\b",
        r"(?:ajudamos|ajudo|apoiamos) (?:as |os )?(?:empresas|negocios|marcas|agencias|equipes|"
        r"startups|clientes|profissionais|empreendedores|lojas|pmes)\b",
        r"(?:ajudamos|ajudo) <4>a (?:aumentar|reduzir|crescer|escalar|gerar|conseguir|dobrar|"
        r"lotar|encher|atrair|conquistar|fechar|faturar|ganhar|"
        r"economizar|automatizar|vender|captar)\b",
        r"(?:empresas|negocios|marcas|agencias) como a (?:sua|tua)\b",
    ),
    "pitch_call": (
        *_BOOK_DEMO,
        r"(?:book|schedule|set up|arrange|grab|hop on|jump on) (?:a |an )?(?:quick |short |brief |"
        r"free |\d+[- ]?min(?:ute)?s? )*(?:demo|discovery call|strategy call|sales call|"
        r"intro call|product tour|walkthrough|walk-through)",
        r"(?:show|walk) you (?:how|through|what) <4>(?:we|our|it|this)\b",
        r"(?:show|give|offer|book|schedule|send) (?:you )?(?:a |an )?(?:quick |short |live |brief |"
        r"personal\w* )?demo\b",
        r"(?:show|present|introduce) you (?:to )?our\b",
        r"(?:mind if i|can i|may i|happy to|let me|i'd love to|i would love to|i'd like to) "
        r"(?:share|show|send|walk)(?: you)? (?:through )?how\b",
        r"who (?:handles|manages|takes care of|is responsible for|looks after) your\b",
        r"(?:vous|te) (?:presente|montre|explique) (?:notre|nos)\b",
        r"\d+ ?(?:minutes|min) pour (?:que je )?(?:vous|te) (?:presente|presenter|montrer|montre|"
        r"expliquer|explique)\b",
        r"(?:ensenarte|ensenarle|mostrarte|mostrarle|explicarte|explicarle) (?:como|lo que) "
        r"(?:\S+ ){0,2}(?:[a-z]+amos|[a-z]+emos|[a-z]+imos|nuestra|nuestro|podemos|"
        r"podriamos)\b",
        r"(?:te |lhe )?(?:mostrar|apresentar)(?:-lhe|-te)? <4>(?:como )?(?:a nossa|o nosso|nossa|"
        r"nosso|nossos|nossas)\b",
        r"(?:send|share) (?:you )?(?:a |our |some )?(?:short |quick |brief )?(?:case stud\w*|"
        r"brochure|price list|pricing|proposal|one-pager|sales deck|capabilities deck)\b",
        r"(?:are you|is this|would you be) the (?:right|best|correct) (?:person|contact) "
        r"<3>(?:about|for|regarding|on)\b",
        r"(?:ihnen|dir|euch) <3>(?:unsere|unser|unseren) <6>(?:vorstellen|prasentieren|zeigen|"
        r"demonstrieren)\b",
        r"(?:ihnen|dir|euch) (?:gerne |gern |kurz )*(?:eine|unsere|die) (?:kurze |kleine |"
        r"personliche |live-?)?demo\b",
        r"(?:ihnen|dir) <3>(?:unsere|eine) (?:kurze )?(?:prasentation|broschure|fallstudie|"
        r"preisliste|referenzen)\w* <2>(?:schicken|senden|zusenden|zukommen)",
        r"(?:vous|te) (?:presenter|montrer|faire decouvrir) (?:notre|nos)\b",
        r"(?:vous|te) (?:faire|montrer|proposer) (?:une )?(?:courte |rapide )?demo\b",
        r"(?:presentarte|presentarle|mostrarte|mostrarle) (?:nuestra|nuestro|nuestros|"
        r"nuestras)\b",
        r"(?:hacerte|hacerle|mostrarte|mostrarle|ofrecerte|ofrecerle) una (?:breve |rapida )?demo",
        r"(?:presentarti|presentarle|mostrarti|mostrarle) (?:la nostra|il nostro|i nostri|"
        r"le nostre)\b",
        r"(?:farti|farle|mostrarti|mostrarle) una (?:breve |rapida )?demo",
        r"(?:inviarle|inviarti|mandarle|mandarti) (?:una|la nostra|il nostro) (?:presentazione|"
        r"brochure|proposta|listino|offerta)",
        r"(?:apresentar|mostrar)(?:-lhe|-te)? (?:a nossa|o nosso|nossa|nosso|nossos|nossas)\b",
        r"(?:fazer|mostrar|agendar)(?:-lhe|-te)? uma (?:breve |rapida )?demo",
        r"(?:je|u) (?:graag )?een (?:korte )?demo\b",
        r"(?:show|present|introduce|demo|pitch|share) (?:you )?(?:our|my) (?:new )?"
        r"(?:solution|product|platform|services?|offer\w*|tool|software|app|company|agency)\b",
        r"explore <2>(?:partnership|collaboration|synergies|business opportunit\w*|"
        r"how we (?:could|can) (?:work together|help|support|partner))",
        r"(?:call|chat|demo|meeting|minutes) <4>to (?:show|present|discuss how (?:we|our)|"
        r"explore how (?:we|our)|share how (?:we|our)|see (?:if|whether|how) (?:we|our)|"
        r"walk you)\b",
        r"(?:(?:ihnen|dir|euch) )(?:gerne |kurz |gern )*(?:unsere|unser|unseren|meine|mein|"
        r"meinen) <2>(?:losung|produkt|angebot|leistungen|dienstleistung\w*|software|"
        r"plattform|tool|konzept|agentur|service)\w* <5>(?:vorstellen|zeigen|prasentieren|"
        r"demonstrieren)\b",
        r"(?:erstgesprach|kennenlerngesprach|beratungsgesprach|demo-termin|strategiegesprach|"
        r"potenzialanalyse|synergien)\w*",
        r"(?:vous|te) (?:presenter|montrer) (?:notre|nos|ma|mon|mes) <2>(?:solution|offre|"
        r"services?|produit|plateforme|outil|agence|societe|entreprise|accompagnement)\b",
        r"(?:echange|appel|call|rendez-vous) de \d+ ?min\w* pour (?:vous|te) (?:presenter|"
        r"montrer)",
        r"(?:explorer|etudier) (?:des |les )?(?:synergies|pistes de collaboration|"
        r"opportunites de partenariat)",
        r"(?:presentarte|presentarle|mostrarte|mostrarle|ensenarte|ensenarle) (?:\S+ ){0,2}"
        r"(?:nuestra|nuestro|nuestros|nuestras|mi) <1>(?:solucion|servicio|servicios|producto|"
        r"plataforma|herramienta|propuesta|agencia|empresa|oferta)\b",
        r"(?:agendar|programar|coordinar) (?:una )?(?:breve |corta |rapida )?(?:demo|"
        r"demostracion|llamada de \d+)",
        r"(?:explorar|evaluar) (?:posibles )?(?:sinergias|oportunidades de colaboracion)",
        r"(?:laten zien|voorstellen|presenteren|toelichten) <4>(?:onze|ons|mijn) "
        r"<1>(?:oplossing|product|platform|diensten|aanbod|software|tool|bureau)\b",
        r"(?:onze|ons|mijn) <1>(?:oplossing|product|platform|diensten|aanbod|software|tool) "
        r"<4>(?:laten zien|voorstellen|presenteren|toelichten|demonstreren)\b",
        r"(?:kennismakingsgesprek|synergie\w*|demo inplannen)",
        r"(?:laat|laten) (?:je|u|jou|jullie) <5>(?:onze|ons|mijn) <1>(?:oplossing|product|"
        r"platform|diensten|aanbod|software|tool) (?:\S+ ){0,2}zien\b",
        r"(?:presentarti|presentarle|mostrarti|mostrarle|illustrarti|illustrarle) (?:\S+ ){0,2}"
        r"(?:la nostra|il nostro|i nostri|le nostre|la mia|il mio) <1>(?:soluzione|prodotto|"
        r"piattaforma|servizi|servizio|offerta|agenzia|software|strumento)\b",
        r"(?:fissare|organizzare|programmare) (?:una )?(?:breve |rapida )?(?:demo|call di \d+|"
        r"chiamata di \d+)",
        r"(?:esplorare|valutare) (?:possibili |eventuali )?(?:sinergie|collaborazioni commerciali)",
        r"(?:apresentar|mostrar)(?:-lhe|-te|lhe|te)? (?:\S+ ){0,2}(?:a nossa|o nosso|nossa|nosso|"
        r"nossos|nossas|a minha|minha) <1>(?:solucao|produto|plataforma|servicos?|oferta|"
        r"agencia|software|ferramenta|proposta)\b",
        r"(?:agendar|marcar) (?:uma )?(?:breve |rapida )?(?:demo|demonstracao|"
        r"call de \d+|chamada de \d+|conversa de \d+)",
        r"(?:explorar|avaliar) (?:possiveis )?(?:sinergias|parcerias comerciais)",
    ),
    "leads_growth": (
        *_LEAD_NUMBERS,
        _LISTS,
        r"(?:lead|leads|prospect|prospects|contact|email|e-mail|b2b|decision[- ]maker) "
        r"(?:lists?|database|data ?base|generation|gen)\b",
        r"(?:qualified|warm|targeted|verified|high[- ]intent|sales[- ]ready|b2b) "
        r"(?:leads|prospects|appointments|meetings|sales calls|calls booked)\b",
        r"(?:\d+|more|new) (?:\w+ )?(?:leads|clients|customers|appointments|sales calls|"
        r"meetings|sign-?ups|bookings|demos) (?:per|a|every|each|in|within) (?:\d+ )?"
        r"(?:month|week|day|days|weeks|quarter)",
        r"(?:double|triple|10x|[2-9]x|increase|boost|grow|skyrocket|scale|multiply) "
        r"(?:your|their) (?:\S+ ){0,1}(?:revenue|sales|leads|pipeline|roi|conversions?|"
        r"traffic|bookings|profits?|mrr|arr|income|followers|reach|visibility|client base|"
        r"customer base)\b",
        r"(?:increase|boost|grow|double|triple|cut|reduce|lower|save|improve|scale) "
        r"(?:your|their) (?:\S+ ){0,3}(?:by )?(?:up to )?\d+ ?(?:%|x\b|percent)",
        r"(?:we|i|our \w+) (?:help|helps|helped|can help|will help) (?:\S+ ){0,8}"
        r"(?:by )?(?:up to )?\d+ ?(?:%|x\b|percent)",
        r"guaranteed (?:results|leads|growth|traffic|rankings?|sales|clients)",
        r"(?:resultados|resultats|ergebnisse|risultati|resultaten) (?:\S+ ){0,1}garanti\w*",
        r"(?:want|need|looking for) (?:more|extra|new) <1>(?:leads|clients|customers|sales|"
        r"bookings|traffic|followers|patients|inquiries|enquiries)\b",
        r"page (?:1|one) (?:of|on|in|bei|de|di) google\b",
        r"\b\d+(?:[.,]\d)? ?x (?:faster|more|cheaper|better|quicker|higher|the)\b",
        r"(?:sell more|mehr verkaufen|vendre plus|vender mas|vendere di piu|vender mais|"
        r"meer verkopen)\b",
        r"(?:i|we) can (?:get|bring|deliver|book|generate|find|send) you <3>(?:\d+|more|new|"
        r"qualified)\b",
        r"\d+ <4>(?:appointments|meetings|leads|clients|customers|calls|demos) (?:every|each|"
        r"per|a) (?:month|week)\b",
        r"(?:we|our \w+|it|this) (?:save|saves|cut|cuts|reduce|reduces|increase|increases|boost|"
        r"boosts|double|doubles|triple|triples) <4>(?:\d+|half)\b",
        r"(?:spar|senk|steiger|reduzier|erhoh|verdoppel)\w* <5>(?:bis zu )?\d+ ?(?:%|prozent|"
        r"stunden|tage|euro)",
        r"(?:list|database|data ?base|spreadsheet|file) of <4>(?:contacts|leads|prospects|"
        r"emails|e-mails|decision[- ]makers|buyers|ctos|cfos|ceos|cmos|hr managers|owners)\b",
        r"(?:verified|validated|updated) (?:\S+ ){0,2}(?:contacts|emails|e-mail addresses|"
        r"phone numbers|leads)\b",
        r"(?:first|top) (?:page|position) (?:of|on) google",
        r"(?:more|extra) (?:qualified )?(?:leads|clients|customers|sales|revenue)\b <3>"
        r"(?:for you|for your|without|in \d+|guaranteed)",
        r"(?:leadgenerierung|leadgenerator\w*|neukundengewinnung|kundenakquise|terminierung|"
        r"termine mit entscheidern|b2b-?leads|kontaktdaten von entscheidern)",
        r"(?:mehr|neue) (?:qualifizierte )?(?:kunden|anfragen|leads|umsatz|termine|auftrage|"
        r"patienten|mandanten|bewerber)\b <4>(?:pro|im|jeden|ohne|garantiert|in \d+|fur sie|"
        r"fur ihr|fur dich|durch)\b",
        r"(?:ihren|ihr|deinen|dein|euren) (?:\S+ ){0,1}(?:umsatz|gewinn|reichweite|"
        r"sichtbarkeit|absatz|vertrieb) <2>(?:steigern|verdoppeln|vervielfachen|erhohen|"
        r"ankurbeln|skalieren)",
        r"\d+ (?:neue )?(?:kunden|termine|leads|anfragen|auftrage) (?:pro|im|jeden|jede) "
        r"(?:monat|woche|tag)",
        r"(?:generation de leads|fichiers? de prospects|base de donnees de prospects|"
        r"prise de rendez-vous qualifies|leads qualifies)",
        r"(?:plus de|nouveaux) (?:clients|leads|prospects|rendez-vous|ventes)\b <3>(?:par|"
        r"chaque|sans|garanti|en \d+|pour vous)",
        r"(?:augmenter|doubler|tripler|booster|multiplier) (?:votre|ton|vos|tes) (?:\S+ ){0,1}"
        r"(?:chiffre d'affaires|ca|ventes|leads|visibilite|trafic|croissance|clientele|"
        r"rentabilite)",
        r"\d+ (?:rendez-vous|clients|leads|prospects) (?:qualifies )?par (?:mois|semaine)",
        r"(?:generacion de leads|base de datos de (?:contactos|clientes|leads|empresas)|"
        r"leads cualificados|leads calificados|prospectos calificados)",
        r"(?:aumentar|duplicar|triplicar|multiplicar|incrementar|disparar) (?:tus|sus|vuestras)"
        r" (?:\S+ ){0,1}(?:ventas|ingresos|clientes|leads|facturacion|conversiones|beneficios)",
        r"\d+ (?:nuevos )?(?:clientes|leads|reuniones|citas) (?:al|por|cada) (?:mes|semana)",
        r"(?:leadgeneratie|leadgeneratie|gekwalificeerde leads|b2b-?leads|"
        r"klantenbestand|adressenbestand)",
        r"(?:meer|nieuwe) (?:klanten|leads|omzet|afspraken|aanvragen)\b <3>(?:per|elke|zonder|"
        r"gegarandeerd|binnen)\b",
        r"(?:uw|je|jouw) (?:\S+ ){0,1}(?:omzet|winst|bereik|zichtbaarheid) <2>(?:verhogen|"
        r"verdubbelen|laten groeien|vergroten|verhoogd)",
        r"(?:lead generation|lead qualificati|contatti qualificati|database di contatti|"
        r"liste di contatti)",
        r"(?:aumentare|raddoppiare|triplicare|moltiplicare) (?:il tuo|il suo|le tue|le sue|i tuoi|"
        r"i suoi|il vostro) (?:\S+ ){0,1}(?:fatturato|vendite|clienti|lead|contatti|profitti|"
        r"visibilita)",
        r"\d+ (?:nuovi )?(?:clienti|lead|appuntamenti|contatti) (?:al|a|ogni) (?:mese|settimana)",
        r"(?:geracao de leads|leads qualificados|base de dados de (?:contatos|clientes|"
        r"empresas)|lista de (?:contatos|leads|emails))",
        r"(?:aumentar|dobrar|triplicar|multiplicar|alavancar|turbinar) (?:suas|seus|o seu|a sua|"
        r"as suas|os seus|tuas|teus|o teu|a tua) (?:\S+ ){0,1}(?:vendas|faturamento|receita|"
        r"clientes|leads|lucros?|resultados)",
        r"\d+ (?:novos )?(?:clientes|leads|reunioes) (?:por|ao|a cada) (?:mes|semana)",
    ),
    "fundraising": (
        r"(?:we are|we're|we ve|i am|i'm|currently|now) (?:\S+ ){0,2}(?:raising|closing|"
        r"opening) (?:\S+ ){0,3}(?:pre-?seed|seed|series [a-e]|round|bridge|safe|funding|"
        r"capital|investment|angels?|funds|money)\b",
        r"(?:pre-?seed|seed|series [a-e]|bridge|angel|funding|investment) round",
        r"(?:looking for|seeking|searching for|in search of|talking to|open to) (?:new |a few |"
        r"strategic |more |potential |angel |impact )*(?:investors|angels|backers|lps|"
        r"co-?investors|funding|investment for our|capital for our)\b",
        r"(?:invest|investing|participat\w*|join\w*) (?:in|into) (?:our|my|this) "
        r"(?:startup|company|round|venture|raise|fund)",
        r"(?:pitch ?deck|investor deck|investment deck|our deck|the deck|one-pager|teaser|"
        r"term sheet|cap table|oversubscribed|allocation left|ticket sizes?|minimum ticket)\b",
        r"(?:wir|ich) <3>(?:sammeln|suchen|raisen|schliessen|offnen) <3>(?:kapital|investoren|"
        r"investor\w*|finanzierung|funding|seed|business angels?|geldgeber|runde)\b",
        r"(?:finanzierungsrunde|seed-runde|seedrunde|pre-seed-runde|investorensuche|"
        r"beteiligungsmoglichkeit|kapitalerhohung)\w*",
        r"(?:suchen|sucht|auf der suche nach) <3>(?:investoren|investor\w*|business angels?|"
        r"geldgeber|kapitalgeber)\b",
        r"(?:levee|lever|levons|levons actuellement) (?:de |des )?fonds",
        r"(?:tour de table|tour de financement|tour d'amorcage|amorcage)\b",
        r"(?:a la recherche|recherchons|cherchons|en recherche) (?:\S+ ){0,2}"
        r"(?:d'investisseurs|investisseurs|business angels|financement)\b",
        r"ronda (?:de )?(?:financiacion|inversion|financiamiento|seed|semilla|pre-?semilla)",
        r"(?:buscando|buscamos|en busca de) (?:\S+ ){0,2}(?:inversores|inversionistas|"
        r"financiacion|financiamiento|business angels|capital)\b",
        r"(?:levantando|levantar|levantamos) (?:capital|una ronda|fondos|inversion)",
        r"(?:financieringsronde|investeringsronde|seedronde|kapitaalronde)\b",
        r"(?:op zoek naar|zoeken|zoek) (?:\S+ ){0,2}(?:investeerders|financiering|"
        r"kapitaal|business angels)\b",
        r"(?:kapitaal ophalen|halen kapitaal op|ophalen van kapitaal)",
        r"round di (?:finanziamento|investimento|seed|pre-seed)",
        r"(?:cerchiamo|cerco|alla ricerca di|in cerca di) (?:\S+ ){0,2}(?:investitori|"
        r"finanziamenti|capitali|business angel)\b",
        r"(?:raccolta (?:fondi|di capitali)|aumento di capitale|equity crowdfunding)",
        r"rodada (?:de )?(?:investimento|financiamento|captacao|seed|anjo|pre-?seed)",
        r"(?:buscando|procurando|em busca de|a procura de|captando) (?:\S+ ){0,2}"
        r"(?:investidores|investimento|financiamento|capital|recursos)\b",
        r"captacao de recursos",
    ),
}

SCAM: dict[str, tuple[str, ...]] = {
    "job_scam": (
        r"(?:earn|make|making|earning) (?:up to |over |at least |about )?"
        + _MONEY
        + r" ?"
        + _PERIOD_EN,
        r"(?:work|working|job|jobs|income) (?:from|at) home\b <6>(?:earn|\$|€|£|\d+ ?(?:usd|eur)|"
        r"per (?:day|week|hour)|no experience|flexible)",
        r"(?:no|zero) (?:prior )?(?:experience|skills|qualifications?) (?:needed|required|"
        r"necessary)",
        r"(?:weekly|daily|instant|same[- ]day) (?:pay|payment|payout|salary)",
        r"(?:be your own boss|hiring (?:now|immediately)|immediate start|start (?:today|"
        r"immediately) and earn)",
        r"(?:you (?:have been|ve been|were|got) (?:selected|shortlisted|chosen|hired)|"
        r"congratulations,? you)\b",
        r"(?:send|forward|share) (?:me )?(?:your )?(?:cv|resume|resum\w*) (?:on|via|to|through) "
        r"(?:my )?(?:whatsapp|telegram|gmail|hangouts|signal)",
        r"(?:part[- ]time|remote) (?:job|position|role|opportunity|work) <6>(?:"
        + _MONEY
        + r"|per (?:day|hour|week))",
        r"(?:verdienen|verdiene|verdient) (?:sie )?(?:bis zu |uber )?"
        + _MONEY
        + r" ?(?:pro|am|die|in der|im|/|je) ?(?:tag|woche|stunde|monat)",
        r"(?:von zu hause|von zuhause|im homeoffice) (?:aus )?(?:\S+ ){0,3}(?:geld verdienen|"
        r"verdienen|nebenverdienst)",
        r"(?:ohne (?:vor)?(?:erfahrung|kenntnisse|vorkenntnisse) <3>(?:verdien\w*|"
        + _MONEY
        + r"|pro (?:tag|woche|stunde))|nebenverdienst|nebeneinkommen|heimarbeit)\b",
        r"(?:sie wurden ausgewahlt|du wurdest ausgewahlt)",
        r"gagne[rz]? (?:jusqu'a |plus de )?" + _MONEY + r" ?(?:par|/) ?(?:jour|semaine|heure|"
        r"mois)",
        r"(?:sans experience|aucune experience) (?:requise|necessaire|exigee)",
        r"(?:revenus? complementaires?|travail a domicile) <4>(?:gagne|" + _MONEY + r")",
        r"gana[rs]? (?:hasta |mas de )?" + _MONEY + r" ?(?:al|por|a la|/) ?(?:dia|semana|mes|"
        r"hora)",
        r"(?:trabajo|trabajar|trabaja) desde (?:casa|tu casa) <6>(?:gana|"
        + _MONEY
        + r"|sin experiencia)",
        r"sin experiencia (?:previa )?(?:necesaria|requerida)",
        r"(?:ingresos extra|dinero extra|ingresos adicionales) <4>(?:desde casa|" + _MONEY + r")",
        r"verdien (?:tot |meer dan )?" + _MONEY + r" ?(?:per|/|p\.) ?(?:dag|week|uur|maand)",
        r"(?:geen ervaring (?:nodig|vereist)|thuiswerk\w* <4>verdien\w*|bijverdienste)\b",
        r"guadagna(?:re)? (?:fino a |oltre )?" + _MONEY + r" ?(?:al|a|per|/) ?(?:giorno|"
        r"settimana|mese|ora)",
        r"(?:senza esperienza|nessuna esperienza) (?:richiesta|necessaria)",
        r"(?:lavoro|lavorare) da casa <6>(?:guadagn\w*|" + _MONEY + r")",
        r"(?:ganhar|ganhe|ganha) (?:ate |mais de )?(?:r\$ ?)?\d[\d.,]* ?(?:reais|mil|k|"
        + _MONEY
        + r")? ?(?:por|ao|/) ?(?:dia|semana|mes|hora)",
        r"(?:sem experiencia|nenhuma experiencia) (?:necessaria|exigida|previa)",
        r"(?:trabalho|trabalhar|trabalhe) (?:de|em) casa <6>(?:ganh\w*|renda|" + _MONEY + r")",
        r"renda extra\b",
        r"keine (?:vor)?(?:erfahrung|kenntnisse|vorkenntnisse) (?:notig|erforderlich|notwendig)\b",
        r"(?:produkttester\w*|product testers?|mystery shoppers?|data entry|online assistants?|"
        r"paketannahme|package reshipp\w*|app testers?) <8>" + _MONEY,
    ),
    "investment_scam": (
        r"guaranteed (?:returns?|profits?|income|roi|payouts?|gains?|\d+ ?%)",
        r"(?:returns?|profits?|roi|gains?|interest) of (?:up to )?\d+ ?% (?:daily|weekly|"
        r"monthly|per (?:day|week|month)|a (?:day|week|month)|every|in \d+)",
        r"\d+ ?% (?:returns?|profits?|roi|gains?|interest) (?:daily|weekly|monthly|"
        r"per (?:day|week|month)|a (?:day|week|month)|every (?:day|week|month)|in \d+ (?:days|"
        r"weeks))",
        r"(?:(?:business|investment) proposal (?:worth|of|for you)|proposal worth|next of kin|"
        r"unclaimed (?:funds|inheritance|deposit)|(?:huge|large|substantial) sum of money|"
        r"consignment box|(?:us|u\.s\.) army (?:captain|general|sergeant|officer|doctor)|"
        r"(?:captain|general|sergeant) (?:\S+ ){0,2}(?:from|of|in|with) the (?:us|u\.s\.) "
        r"army|peacekeeping mission)\b",
        r"(?:lucrative (?:business )?(?:opportunity|deal|proposal|offer|transaction)|"
        r"benefit us both|mutually beneficial (?:business|deal|transaction))\b",
        r"\d+ ?% (?:monatlich|wochentlich|taglich)\w* (?:rendite|gewinn|zinsen)\b",
        r"(?:late (?:husband|wife|father|mother)'s (?:fortune|estate|funds|inheritance|gold|"
        r"money)|trustworthy (?:person|partner|individual)|(?:fortune|inheritance|estate|funds) "
        r"<4>(?:invest|transfer|claim|move|release))\b",
        r"(?:passive income|financial freedom|double your (?:money|investment|capital|bitcoin|"
        r"crypto|funds)|risk[- ]free (?:investment|returns?|profits?|trading)|"
        r"make money online|get rich)\b",
        r"(?:crypto\w*|bitcoin|btc|forex|fx|binary options?|usdt|nft) (?:investment|mining|"
        r"trading signals|signals|mentor|account manager|investment platform|investment "
        r"opportunit\w*|expert|profits?|earnings)\b",
        r"(?:invest|investing|trade|trading) (?:\S+ ){0,3}(?:crypto\w*|bitcoin|forex|usdt) "
        r"<6>(?:profit|returns?|earn|income|\d+ ?%)",
        r"(?:garantierte?n?|garantiert) (?:\S+ )?(?:rendite\w*|gewinne?|ertrage?|einnahmen|"
        r"zinsen|auszahlung\w*)",
        r"(?:passives? einkommen|finanzielle freiheit|risikolos\w* (?:rendite|gewinn|anlage\w*|"
        r"investi\w*)|schnell reich)",
        r"(?:invest|invista|investir|invierte|invertir|investissez|investieren|investiere|"
        r"investeer|investi|investite|investire) <3>" + _MONEY + r" <5>" + _MONEY,
        r"(?:passives? einkommen|finanzielle freiheit|risikolos\w* (?:rendite|gewinn|anlage\w*|"
        r"investi\w*)|schnell reich)",
        r"\d+ ?% (?:rendite|gewinn|zinsen) (?:pro|im|am|jeden|jede|taglich|wochentlich|"
        r"monatlich)",
        r"(?:krypto\w*|bitcoin|forex|devisen) ?(?:-)?(?:investment|investition|handel|signale|"
        r"mentor|anlage|gewinne)\w*",
        r"(?:rendements?|gains?|profits?|revenus?|benefices?) (?:\S+ )?garanti\w*",
        r"(?:revenus? passifs?|liberte financiere|sans aucun risque|double[rz]? (?:votre|ton) "
        r"(?:argent|capital|investissement))",
        r"\d+ ?% (?:de rendement|de profit|de gains?) (?:par|chaque) (?:jour|semaine|mois)",
        r"(?:rentabilidad|retornos?|ganancias?|beneficios?|rendimientos?|intereses) "
        r"(?:\S+ )?garantizad\w*",
        r"(?:ingresos pasivos|libertad financiera|sin ningun riesgo|duplica[r]? (?:tu|su) "
        r"(?:dinero|capital|inversion))",
        r"\d+ ?% (?:de )?(?:rentabilidad|ganancia|retorno|beneficio)s? (?:diari\w*|semanal\w*|"
        r"mensual\w*|al (?:dia|mes)|por (?:dia|semana|mes))",
        r"(?:gegarandeerd\w* (?:rendement\w*|winst\w*|opbrengst\w*|inkomsten)|passief inkomen|"
        r"financiele vrijheid|zonder enig risico|verdubbel (?:je|uw) (?:geld|inleg))",
        r"(?:rendiment\w*|profitt\w*|guadagn\w*|rendita) (?:\S+ )?garantit\w*",
        r"(?:reddito passivo|liberta finanziaria|senza alcun rischio|raddoppia(?:re)? il tuo "
        r"(?:denaro|capitale))",
        r"(?:retornos?|lucros?|rendimentos?|ganhos?|rentabilidade) (?:\S+ )?garantid\w*",
        r"(?:renda passiva|liberdade financeira|sem nenhum risco|dobr(?:ar|e) (?:seu|o seu) "
        r"(?:dinheiro|capital))",
    ),
    "off_platform": (
        r"(?:on|via|through|over|auf|uber|per|sur|par|por|pelo|no|na|op|su|tramite|al|em) "
        r"(?:my |mein\w* |mon |mi |mijn |il mio |meu |o meu |mio )?(?:whatsapp|telegram|"
        r"wechat|viber|zap|wpp|signal messenger|line app|kik)\b",
        r"(?:whatsapp|telegram|wechat|viber|signal)(?: number| nr| no| num| nummer| numero)?"
        r"\.? ?[:(]? ?\+?\d[\d ()-]{6,}",
        r"(?:t\.me|wa\.me|chat\.whatsapp\.com|telegram\.me)/",
        r"(?:whatsapp|telegram) (?:me|mir|moi|me)\b",
        r"(?:email|e-mail|mail|contact|reach|write) (?:me )?(?:directly )?(?:at|to|on|an|a) "
        r"[a-z0-9._-]+@(?:gmail|yahoo|hotmail|outlook|proton|aol|mail|gmx|web|yandex)\.",
    ),
}

# Families of shared experience told without the usual verbs: a meal, a ride or an evening one
# thanks for, a memory one asks about, a role one had towards the reader.
_SHARED_ACTIVITY = (
    r"(?:dinner|lunch|breakfast|brunch|drinks|coffee|beers?|ride|lift|hospitality|evening|"
    r"party|barbecue|bbq|round of golf|hike|tour|abendessen|essen|mittagessen|fruhstuck|kaffee|"
    r"bier|mitnehmen|mitfahren|abend|grillen|gastfreundschaft|fuhrung|diner|dejeuner|"
    r"petit-dejeuner|cafe|verre|apero|soiree|covoiturage|trajet|repas|accueil|cena|comida|"
    r"almuerzo|desayuno|cerveza|cervezas|copa|copas|fiesta|velada|paseo|borrel|etentje|"
    r"lunch|koffie|lift|rondleiding|avond|biertje|ontbijt|feestje|pranzo|caffe|aperitivo|"
    r"passaggio|ospitalita|serata|colazione|birra|festa|jantar|almoco|carona|boleia|noite|"
    r"cerveja|chopp|passeio|churrasco|visita|visite|visit|besuch|bezoek)"
)
_THANKS_FOR = (
    r"(?:thanks|thank you|thx|danke|vielen dank|merci|gracias|bedankt|dank je|dankjewel|grazie|"
    r"obrigad[oa]|valeu) (?:\S+ ){0,2}(?:for|fur|furs|pour|por|voor|per|pel[oa]) (?:the |das |"
    r"den |die |le |la |l'|ce |cette |el |los |las |de |het |il |lo |o |a |your |our |ihr |"
    r"dein |votre |ton |tu |su |uw |je |il tuo |il suo )?(?:lovely |great |nice |delicious |"
    r"tolle\w* |nette\w* |leckere\w* |super |excellent |delicieux |bon |gran |buena |rica |"
    r"heerlijke |leuke |gezellige |fijne |bella |ottima |otimo |delicioso |maravilhoso )?"
    + _SHARED_ACTIVITY
    + r"\b"
)
_SHARED_MEMORY = (
    r"(?:weis+t du noch|wis+t ihr noch|wissen sie noch|erinnerst du dich|erinnern sie sich|"
    r"tu te souviens|te souviens-tu|vous vous souvenez|vous souvenez-vous|tu te rappelles|"
    r"te acuerdas|se acuerda|os acordais|recuerdas (?:el|la|los|las|cuando|aquel|aquella)|"
    r"weet je nog|weet u nog|herinner je je|ti ricordi|si ricorda|vi ricordate|"
    r"te lembras|voce (?:se )?lembra|se lembra|lembra (?:d[aoe]s?|quando|daquel\w*))\b",
    r"remember (?:when|how) (?:we|you and i|you and me)\b",
    r"remember (?:the|that|those|our) (?:\S+ ){0,2}(?:night|nights|all-nighter|day|days|evening|"
    r"weekend|week|trip|offsite|launch|pitch|deadline|party|crunch|chaos|outage|incident|move|"
    r"shoot|hackathon|kick-?off|demo|fire drill|road ?trip|summer|winter)\b[^?.!\n]{0,80}\?",
)
_ROLE = (
    r"(?:contact|point of contact|account manager|consultant|project manager|supplier|vendor|"
    r"lawyer|accountant|advisor|adviser|architect|engineer|editor|designer|agent|recruiter|"
    r"trainer|coach|landlord|tenant|counterpart|manager|boss|team lead|supervisor|mentor|"
    r"teacher|tutor|vorgesetzte\w*|chef|chefin|teamleiter\w*|responsable|manageur|jefe|jefa|"
    r"baas|leidinggevende|teamleider|responsabile|capo|chefe|gestor\w*|ansprechpartner\w*|berater\w*|projektleiter\w*|"
    r"betreuer\w*|kontaktperson|dienstleister\w*|lieferant\w*|interlocut\w*|consultant\w*|"
    r"fournisseur|chef de projet|prestataire|contacto|consultor\w*|proveedor\w*|"
    r"jefe de proyecto|contactpersoon|aanspreekpunt|adviseur|leverancier|projectleider|"
    r"referente|consulente|fornitore|contato|consultor\w*|fornecedor\w*|gerente de projeto)"
)
_ROLE_TOWARDS_YOU = (
    r"i was (?:\S+ ){0,2}your <2>" + _ROLE + r"\b",
    r"i was (?:the|a|an) <4>(?:on|in) your (?:team|project|crew|production|"
    r"department|show|campaign|account|shoot)\b",
    r"ich war (?:\S+ ){0,8}(?:ihr|ihre|dein|deine) (?:\S+ ){0,1}" + _ROLE + r"\b",
    r"(?:j'etais|j'ai ete) (?:\S+ ){0,1}(?:votre|ton|ta) (?:\S+ ){0,1}" + _ROLE + r"\b",
    r"(?:fui|era) (?:\S+ ){0,1}(?:su|tu) (?:\S+ ){0,1}" + _ROLE + r"\b",
    r"ik was (?:\S+ ){0,1}(?:uw|je|jouw) (?:\S+ ){0,1}" + _ROLE + r"\b",
    r"ero (?:\S+ ){0,1}(?:il suo|il tuo|la sua|la tua) (?:\S+ ){0,1}" + _ROLE + r"\b",
    r"(?:fui|era) (?:o seu|a sua|o teu|a tua|seu|sua|teu|tua) (?:\S+ ){0,1}" + _ROLE + r"\b",
)
_MET_IN_PERSON = (
    r"c'etait (?:\S+ ){0,2}(?:sympa|super|top|genial|un plaisir|agreable|chouette|bien) "
    r"(?:de |d')(?:discuter|echanger|parler|bavarder|te voir|vous voir|te rencontrer|"
    r"vous rencontrer|te croiser|vous croiser)\b",
    r"(?:e stato|e stata|era) (?:\S+ ){0,2}(?:bello|un piacere|piacevole|fantastico|utile|"
    r"interessante|bellissimo) (?:\S+ ){0,1}(?:chiacchierare|parlare|conoscerti|conoscerla|"
    r"vederti|vederla|incontrarti|incontrarla|rivederti)\b",
    r"(?:we|wij) elkaar (?:\S+ ){0,4}(?:spraken|zagen|ontmoetten|tegenkwamen)\b",
    r"(?:spraken|zagen|ontmoetten) (?:we|wij) elkaar\b",
    r"(?:d'avoir|avoir) fait (?:ta|votre|ta tres|votre tres) connaissance\b",
    r"(?:j'ai ete|j'etais|c'etait|c'etait un) (?:\S+ ){0,2}(?:ravi|ravie|heureux|heureuse|"
    r"content|contente|plaisir|super|genial|chouette)\w* de (?:faire (?:ta|votre) connaissance|"
    r"te rencontrer|vous rencontrer|te voir|vous voir|te croiser|vous croiser)\b",
    r"(?:hat|hatte) (?:mich|uns) (?:sehr )?gefreut,? (?:\S+ ){0,10}(?:kennenzulernen|"
    r"zu treffen|zu sehen|zu sprechen)\b",
    r"war (?:\S+ ){0,3}(?:schon|toll|nett|super|klasse|eine freude|ein vergnugen|cool|prima),? "
    r"(?:\S+ ){0,12}(?:kennenzulernen|zu treffen|zu sprechen|zu sehen)\b",
    r"(?:encantad[oa]|un placer|un gusto|gusto) de (?:conocerte|conocerle|conocerla|verte|verle) "
    r"(?:en|ayer|el otro dia|la semana pasada|esta manana|hoy)\b",
    r"kennis (?:met (?:u|je|jou|jullie) )?(?:te )?(?:hebben )?gemaakt\b",
    r"(?:piacere|lieto|lieta|felice) (?:\S+ ){0,1}(?:di )?(?:averti|averla|avervi) "
    r"(?:\S+ ){0,1}(?:conosciut|incontrat)\w*",
    r"(?:prazer|bom|otimo|legal|adorei) (?:em )?(?:te )?conhecer(?:-te|-lo|-la)? (?:voce )?"
    r"(?:no|na|ontem|em|durante)\b",
)
_SAME_GROUP = (
    r"(?:estuvimos|estabamos|jugabamos|trabajabamos|coincidimos|fuimos) (?:\S+ ){0,2}"
    r"(?:en el mismo|en la misma)\b",
    r"(?:abbiamo (?:lavorato|giocato|studiato|cantato|condiviso)|eravamo|giocavamo|lavoravamo|"
    r"siamo stati) (?:\S+ ){0,2}(?:nello stesso|"
    r"nella stessa)\b",
    r"(?:estivemos|estavamos|jogavamos|trabalhavamos|fomos) (?:\S+ ){0,2}(?:no mesmo|"
    r"na mesma)\b",
    r"(?:nous etions|on etait|on jouait|nous jouions|(?:nous avons|on a) (?:travaille|bosse|"
    r"joue|etudie|ete|chante)) (?:\S+ ){0,2}"
    r"(?:dans la meme|dans le meme)\b",
    r"(?:zaten|speelden|werkten|waren) (?:\S+ ){0,3}(?:in hetzelfde|in dezelfde|bij dezelfde|"
    r"bij hetzelfde)\b",
    r"(?:waren|spielten|arbeiteten|sas+en) (?:\S+ ){0,3}(?:im selben|im gleichen|in derselben|"
    r"in der gleichen|in demselben)\b",
    r"(?:fomos|eramos|nous etions|on etait|fuimos|we were|wir waren|eravamo|waren we|we waren) "
    r"(?:\S+ ){0,1}(?:vizinhos|voisins|vecinos|buren|vicini|nachbarn|neighbou?rs|colocs|"
    r"flatmates|roommates|mitbewohner\w*|coinquilini|companeros de piso|colegas de quarto|"
    r"huisgenoten|desk ?mates|bureaugenoten)\b",
)
_INFORMAL_WORK = (
    r"(?:on|nous) (?:bossait|bossions|travaillait|travaillions|collaborait|collaborions|"
    r"etait|etions) (?:\S+ ){0,3}(?:ensemble|chez|dans la meme|dans le meme)\b",
    r"(?:trabajabamos|currabamos|curramos|colaborabamos|coincidiamos) (?:\S+ ){0,3}(?:juntos|"
    r"juntas|en)\b",
    r"(?:trabalhavamos|trabalhava junto|estudavamos) (?:\S+ ){0,3}"
    r"(?:juntos|juntas|junto|no mesmo|na mesma|na|no)\b",
    r"a gente (?:trabalhava|estudava|fazia|jogava) (?:junto|juntos)\b",
    r"(?:we|wij) (?:werkten|zaten|studeerden) (?:samen |allebei )?(?:bij|op|aan|in hetzelfde)\b",
    r"(?:we|you and i) (?:used to|would) (?:work|study|sit|run|share) (?:\S+ ){0,2}(?:together|"
    r"at|in the same)\b",
    r"wir (?:sas+en|waren|arbeiteten|studierten) (?:\S+ ){0,8}zusammen (?:\S+ ){0,3}"
    r"(?:im|in der|in|bei|an der|am)\b",
)
_INTRODUCED = (
    r"N (?:\S+ ){0,1}(?:introduced us|put us in touch|connected us|introduced me to you)\b",
    r"N (?:\S+ ){0,2}(?:sugeriu|sugiri|indicou|recomendou|recomendo|sugirio) que\b",
    r"N (?:\S+ ){0,1}(?:nos|me) (?:apresentou|presento)\b",
    r"N (?:nous|m'|vous) ?a (?:\S+ ){0,1}(?:presente|presentes|mis en (?:contact|relation))\b",
    r"N m'a (?:\S+ ){0,1}suggere de\b",
    r"N (?:ci|mi) ha (?:\S+ ){0,1}(?:presentati|presentato|messo in contatto|suggerito di)\b",
    r"N heeft (?:ons|me|mij) (?:\S+ ){0,2}(?:voorgesteld|geintroduceerd|in contact gebracht|"
    r"doorverwezen)\b",
    r"N hat (?:uns|mich) (?:\S+ ){0,2}(?:vorgestellt|bekannt gemacht|vernetzt|in kontakt "
    r"gebracht)\b",
)

CONTEXT: dict[str, tuple[str, ...]] = {
    "worked_together": (
        *_INFORMAL_WORK,
        *_SAME_GROUP,
        *_SHARED_MEMORY,
        # English: a past verb ... together, or with you.
        r"(?:we|you and i|i and you|us two|both of us) (?:\S+ ){0,3}(?:[a-z-]+ed|built|ran|led|"
        r"shot|wrote|taught|made|did|spent|sat|went|took|had|were|won|grew|began|brought|got|"
        r"sold|held|set up|put|shared|fought|flew|drove|sang|spoke|co-wrote|dealt|kept|sent)"
        r" (?:\S+ ){0,8}together\b",
        r"(?:worked|collaborated|partnered|teamed up|served|studied|volunteered|toured|trained|"
        r"interned|consulted|freelanced|shared an office|sat next|reported|shot|filmed|"
        r"produced|co-?produced|performed|played|taught|coached|mentored) (?:\S+ ){0,4}"
        r"(?:with|alongside|for|under|to) you\b",
        r"(?:we|you and i) (?:\S+ ){0,2}(?:collaborated|partnered|teamed up|co-?wrote|co-?authored|"
        r"co-?organi[sz]ed|co-?hosted|co-?founded|co-?produced) (?:on|at|in|for|together)\b",
        r"(?:(?:enjoyed|loved|liked|miss|missed|remember|will never forget|pleasure|great|fun|"
        r"honou?r|privilege|joy|fantastic|amazing|wonderful) (?:\S+ ){0,1}"
        r"(?:working|collaborating|partnering|teaming up) (?:with|alongside|for) you|"
        r"working (?:with|alongside) you (?:\S+ ){0,8}"
        r"(?:was|has been|were|taught|back))\b",
        r"(?:you|we) (?:\S+ ){0,2}(?:co-?(?:produc|found|author|organi[sz]|host|direct|"
        r"present|chair|teach|creat|develop|design|edit|manag|moderat|writ|lead|run)\w*|"
        r"co-?(?:wrote|taught|led|ran))\b",
        r"co-?(?:produc|author|organi[sz]|host|direct|present|chair|teach|creat|develop|"
        r"design|edit|manag|moderat|writ|lead|run)\w* (?:\S+ ){0,6}(?:with you|together)\b",
        r"(?:former|old|ex-?|onetime|previous) (?:\S+ ){0,2}(?:colleague|co-?worker|teammate|"
        r"team mate|classmate|boss|manager|intern|supervisor|report|cofounder|co-founder|"
        r"business partner|flatmate|roommate|bandmate|cast mate|castmate)s?\b",
        r"(?:we|you and i) (?:\S+ ){0,2}(?:were|used to be) (?:\S+ ){0,2}(?:colleagues|"
        r"coworkers|co-workers|teammates|classmates|in the same (?:team|class|group|"
        r"department|cohort|office|squad|crew|band|cast))\b",
        r"(?:we|you and i) (?:both )?(?:worked|were|interned|served) "
        r"(?:together |both )?(?:at|in|for|on) [a-z]",
        r"(?:when|while|back when) (?:we|you and i) (?:both )?(?:worked|were|studied|interned|"
        r"served|shared)\b",
        r"(?:we|you and i) <3>(?:[a-z]+ed|were|sat|sang|ran|played|lived|had|was) <2>(?:in|on|at) "
        r"the same <2>(?:team|class|group|department|cohort|office|squad|crew|band|cast|club|"
        r"school|flat|dorm|project|course|program\w*|batch|company|startup|panel|table|session|"
        r"workshop|training|choir|orchestra|floor|desk|shift|unit)\b",
        r"(?:since|from) (?:our|the) (?:time|days|years) (?:together )?(?:at|in|on)\b",
        r"(?:remember|recall|miss|think back to|fond memories of|memories of) (?:our|the|that|"
        r"those) <3>(?:kick-?off|project|workshop|offsite|off-site|launch|shoot|production|"
        r"trip|hackathon|course|class|seminar|training|sprint|pitch|deal|campaign|tour|"
        r"rollout|migration)s?\b",
        r"(?:my|your) (?:old |former )?(?:manager|boss|mentor|supervisor|teacher|professor|"
        r"lecturer|tutor|coach|intern|student|trainee|mentee) (?:at|in|during|back)\b",
        r"i was (?:\S+ ){0,2}(?:intern|trainee|student|apprentice|analyst|assistant|participant|"
        r"working student) (?:in|on|at|under|with) your\b",
        r"ich (?:war|bin) (?:\S+ ){0,3}(?:praktikant\w*|werkstudent\w*|trainee|azubi|"
        r"auszubildende\w*|mitarbeiter\w*|student\w*|teilnehmer\w*) (?:in|bei|unter) (?:ihrer|"
        r"ihrem|deiner|deinem|ihnen|dir)\b",
        # German: "zusammen/gemeinsam ... ge...t/en" with a perfect auxiliary on either side.
        r"(?:haben|hatten|habe|hatte|hast|habt|sind|waren|war|bin) (?:\S+ ){0,8}"
        r"(?:zusammen|gemeinsam|miteinander) (?:\S+ ){0,6}" + _PARTICIPLE_DE,
        r"(?:zusammen|gemeinsam|miteinander) (?:\S+ ){0,6}" + _PARTICIPLE_DE + r" (?:\S+ ){0,2}"
        r"(?:haben|hatten|habe|hatte|hast|habt|sind|waren)\b",
        r"(?:haben|hatten) (?:\S+ ){0,8}(?:im selben|im gleichen|in derselben|in der gleichen|"
        r"in demselben) (?:\S+ ){0,3}" + _PARTICIPLE_DE,
        r"(?:zusammengearbeitet|zusammen gearbeitet|mitgearbeitet|zusammen studiert|"
        r"zusammen gedreht|zusammen produziert)\b",
        r"war (?:\S+ ){0,4}mit (?:ihnen|dir|euch) <6>(?:zusammenzuarbeiten|zu arbeiten|zu drehen|"
        r"zu produzieren|zu studieren)\b",
        r"mit (?:ihnen|dir|euch) (?:\S+ ){0,6}(?:gearbeitet|zusammengearbeitet|gedreht|"
        r"produziert|studiert|entwickelt|aufgebaut|organisiert|umgesetzt|betreut)\b",
        r"(?:ehemalige\w*|fruhere\w*|alte\w*|ex-) ?(?:kollege|kollegin|kollegen|kommiliton\w*|"
        r"mitstudent\w*|teamkolleg\w*|chef|chefin|vorgesetzte\w*|praktikant\w*|mitschuler\w*)",
        r"(?:wir|ihr) (?:\S+ ){0,2}(?:waren|sas+en|arbeiteten|studierten) (?:\S+ ){0,6}"
        r"(?:kollegen|kommilitonen|im selben team|im gleichen team|in einem team|im selben "
        r"kurs|bei|an der|zusammen)\b",
        r"(?:unsere|unserer|die) (?:gemeinsame\w*) (?:zeit|jahre|arbeit|projekt\w*|produktion\w*)",
        r"(?:danke|dank|merci) (?:\S+ ){0,3}(?:fur|fuer) (?:die|unsere|eure|ihre|deine) "
        r"(?:\S+ ){0,2}(?:zusammenarbeit|kooperation)\b",
        r"(?:unsere|die) (?:\S+ ){0,2}zusammenarbeit (?:bei|beim|an|im|in|mit|fur)\b",
        r"(?:thanks|thank you) (?:\S+ ){0,2}for (?:the|our) (?:\S+ ){0,2}(?:collaboration|"
        r"teamwork|partnership) (?:on|at|in|with)\b",
        r"(?:merci|remercie) (?:\S+ ){0,2}pour (?:cette|notre|la|ta|votre) (?:\S+ ){0,1}"
        r"collaboration\b",
        r"gracias (?:\S+ ){0,2}por (?:la|nuestra|tu|su) (?:\S+ ){0,1}colaboracion\b",
        r"grazie (?:\S+ ){0,2}per (?:la|la nostra|la tua|la sua) (?:\S+ ){0,1}collaborazione\b",
        r"obrigad[oa] (?:\S+ ){0,2}pela (?:\S+ ){0,1}(?:parceria|colaboracao)\b",
        r"bedankt (?:\S+ ){0,2}voor de (?:\S+ ){0,1}samenwerking\b",
        r"(?:plaisir|bonheur|honneur|super|genial|chouette) de (?:travailler|collaborer|bosser|"
        r"tourner|etudier) avec (?:toi|vous)\b",
        r"(?:fue|ha sido|era) (?:un placer|genial|un gusto|un honor|increible) (?:\S+ ){0,1}"
        r"(?:coincidir|trabajar|colaborar|conocerte|conocerle|charlar|hablar|compartir)\b",
        r"(?:lavoravamo|eravamo|studiavamo|giocavamo) (?:\S+ ){0,2}(?:nello stesso|nella stessa|"
        r"insieme)\b",
        r"(?:ricordi|ti ricordi|remember|te acuerdas|lembra|weet je nog|erinnerst du dich an|"
        r"tu te souviens) <2>(?:il|el|o|a|the|das|den|die|het|le|la|our|unser\w*) <1>(?:progetto|"
        r"proyecto|projeto|project|projekt|workshop|corso|curso|evento|event|hackathon|kick-?off|"
        r"shooting|dreh|tournage|rodaje|gravacao|set|tour|trip|reise|viaje|viaggio|viagem)\b",
        # French
        r"(?:avons|avions|ai|as|avez|etions|on a|on avait) (?:\S+ ){0,3}(?:travaill|collabor|"
        r"bosse|tourn|"
        r"produi|realis|etudi|organis|developp|construi|cree|mont|lanc|cofond|ecri|gere|men|"
        r"partag)\w* (?:\S+ ){0,6}ensemble\b",
        r"(?:travaille|collabore|bosse|etudie|tourne) (?:\S+ ){0,3}avec (?:vous|toi)\b",
        r"(?:ancien|ancienne|anciens|ex-) ?(?:collegue|camarade|coequipier\w*|manager|"
        r"stagiaire|professeur|eleve|associe\w*|responsable|cheffe?)s?\b",
        r"(?:nous etions|on etait) (?:\S+ ){0,2}(?:collegues|dans la meme|ensemble|camarades)\b",
        # Spanish
        r"(?:trabajamos|colaboramos|estudiamos|produjimos|grabamos|rodamos|organizamos|"
        r"fundamos|desarrollamos|lanzamos|construimos|hicimos|compartimos|montamos|"
        r"coincidimos) (?:\S+ ){0,6}(?:juntos|juntas)\b",
        r"(?:hemos|habiamos|he|habia) (?:\S+ ){0,2}(?:trabajado|colaborado|coincidido|"
        r"estudiado|producido|grabado|organizado|compartido) (?:\S+ ){0,3}(?:juntos|juntas|"
        r"contigo|con usted|con vos)\b",
        r"(?:trabaje|colabore|estudie|coincidi|coincidimos) (?:\S+ ){0,3}(?:contigo|con usted|"
        r"con vos|en)\b",
        r"(?:ex|antiguo|antigua|antiguos) ?-?(?:companer\w*|colega\w*|jefe|jefa|becari\w*)\b",
        r"(?:fuimos|eramos) (?:\S+ ){0,1}(?:companeros|companeras|colegas|del mismo equipo)\b",
        # Dutch
        r"samen (?:\S+ ){0,6}ge[a-z]{3,}(?:d|t|en)\b",
        r"(?:samengewerkt|samen gewerkt|samen gestudeerd|samen gedraaid|samen gemaakt)\b",
        r"(?:hebben|hadden|heb|had) (?:\S+ ){0,6}samen\w*\b",
        r"(?:we|wij) (?:zaten|waren|werkten|studeerden|speelden|woonden|draaiden|maakten) "
        r"(?:\S+ ){0,2}samen\b",
        r"met (?:je|jou|u) (?:\S+ ){0,4}(?:gewerkt|samengewerkt|gestudeerd|gedraaid)\b",
        r"(?:oud-?|voormalig\w* |ex-)(?:collega|klasgeno\w*|studiegeno\w*|teamgeno\w*|"
        r"manager|baas|stagiair\w*|leidinggevende)\b",
        r"(?:we|wij) (?:\S+ ){0,1}(?:waren|zaten) (?:\S+ ){0,2}(?:collega|collegas|collega's|"
        r"klasgenoten|in hetzelfde team|bij)\b",
        # Italian
        r"(?:abbiamo|avevamo|ho|hai|avete) (?:\S+ ){0,3}(?:lavorato|collaborato|studiato|"
        r"girato|prodotto|realizzato|organizzato|fondato|sviluppato|costruito|scritto|fatto|"
        r"condiviso|gestito) (?:\S+ ){0,6}insieme\b",
        r"(?:lavorato|collaborato|studiato) (?:\S+ ){0,3}con (?:te|lei|voi)\b",
        r"(?:ex|vecchio|vecchia|ex-) ?(?:collega|colleghi|compagno|compagna|compagni|capo|"
        r"responsabile|stagista|professore)\b",
        r"(?:siamo stati|eravamo) (?:\S+ ){0,1}(?:colleghi|compagni|nello stesso)\b",
        r"(?:abbiamo|avevamo) (?:\S+ ){0,1}condiviso (?:l'|lo |la |il |un |una )?(?:ufficio|stanza|"
        r"appartamento|palco|stand|tavolo|scrivania|progetto|set)\b",
        # Portuguese
        r"(?:trabalhamos|colaboramos|estudamos|produzimos|gravamos|organizamos|fundamos|"
        r"desenvolvemos|fizemos|construimos|lancamos) (?:\S+ ){0,6}(?:juntos|juntas)\b",
        r"(?:trabalhei|colaborei|estudei|trabalhamos) (?:\S+ ){0,3}(?:com voce|contigo|"
        r"com o senhor|com a senhora)\b",
        r"(?:ex-?|antigo |antiga )(?:colega|companheir\w*|chefe|gestor\w*|estagiari\w*)\b",
        r"(?:fomos|eramos) (?:\S+ ){0,1}(?:colegas|companheiros|da mesma)\b",
        r"(?:a gente|nos) (?:\S+ ){0,1}(?:trabalhou|trabalhamos|estudou|fez|produziu|organizou|"
        r"jogou|morou) (?:\S+ ){0,3}(?:junto|juntos|juntas)\b",
    ),
    "met_at": (
        *_MET_IN_PERSON,
        _THANKS_FOR,
        r"(?:we|i) (?:\S+ ){0,2}met\b",
        r"met (?:you )?(?:briefly |in person )?(?:at|during|in|on|after|through|via|yesterday|"
        r"last|earlier|at the)\b",
        r"(?:great|nice|good|lovely|pleasure|wonderful|fantastic|awesome|glad|happy|enjoyed|"
        r"loved|fun|excellent|a pleasure) (?:\S+ ){0,2}(?:meeting|chatting|talking|speaking|"
        r"bumping into|running into|connecting in person) (?:with |to )?you\b",
        r"(?:great|nice|good|lovely|pleasure|glad|happy) to (?:have )?(?:met|meet|chat with|"
        r"talk to|talk with) you (?:\S+ ){0,3}(?:at|during|yesterday|last|earlier|today|"
        r"this morning|tonight|after|in person)\b",
        r"(?:ran|bumped) into (?:each other|you)\b",
        r"uns (?:\S+ ){0,6}(?:gesehen|gesprochen|unterhalten|ausgetauscht)\b",
        r"(?:fijn|leuk|goed|prettig|mooi) om (?:je|jou|u) (?:\S+ ){0,6}"
        r"(?:gisteren|vorige|afgelopen|"
        r"laatst|vanochtend|vandaag) (?:\S+ ){0,6}te (?:zien|spreken|ontmoeten)\b",
        r"(?:reunion|llamada|charla|cena|comida|videollamada|entrevista|conversacion) "
        r"(?:(?:del|de este) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|otro dia)|"
        r"de ayer|de la semana pasada|de esta manana|de hoy)\b",
        r"(?:we|you and i) <3>(?:[a-z]+ed|met|saw|sat|ran|got|had|shared|spoke) <4>(?:each other|"
        r"one another)\b",
        r"(?:sat|stood|were seated) (?:next to|beside|opposite|across from) (?:each other|you)\b",
        r"(?:we|you and i) (?:both )?(?:shared|split) (?:a|an|the) (?:taxi|cab|ride|uber|flight|"
        r"table|stage|office|desk|room|flat|apartment|panel|booth|car|train)\b",
        r"(?:i|we) (?:was|were) (?:in|at|on) your <3>(?:workshop|class|course|seminar|training|"
        r"lecture|session|team|panel|tour|bootcamp|masterclass|webinar|group|department|cohort|"
        r"batch|squad|crew|unit|lab|class of)\b",
        r"you (?:\S+ ){0,1}gave me (?:my|a|the) (?:first |big )?(?:job|internship|chance|role|"
        r"break|position)\b",
        r"know each other (?:from|since|through|via)\b",
        r"(?:thanks|thank you|thx) (?:\S+ ){0,2}for (?:hosting|having|welcoming|showing) (?:us|me)"
        r" (?:\S+ ){0,3}(?:at|in|on|around|yesterday|last|today)\b",
        r"(?:good|great|nice|lovely) (?:to see|seeing) you (?:again )?(?:at|yesterday|last|"
        r"earlier|today|in)\b",
        r"(?:wir )?kennen uns (?:\S+ ){0,2}(?:aus|von|vom|seit|uber|durch|bei|beim)\b",
        r"(?:kennst|kennen) (?:mich|uns) (?:\S+ ){0,1}(?:aus|von|vom|noch)\b",
        r"(?:on se connait|nous nous connaissons) (?:\S+ ){0,1}(?:de|depuis|grace|du|des|par)\b",
        r"nos conocemos (?:\S+ ){0,1}(?:de|desde|del|por)\b",
        r"ci conosciamo (?:\S+ ){0,1}(?:da|dal|dai|dalla|dall'|dallo|tramite)\b",
        r"(?:kennen|ken) (?:elkaar|je|jou|u) (?:\S+ ){0,1}(?:van|via|uit|sinds)\b",
        r"(?:stato|stata) un (?:piacere|onore) (?:\S+ ){0,1}(?:conoscerti|conoscerla|incontrarti|"
        r"incontrarla|lavorare con|collaborare con)\b",
        r"(?:great|nice|good|lovely|glad|happy) to (?:\S+ ){0,1}connect (?:\S+ ){0,2}(?:after|at|"
        r"during) (?:your|the|our|this|last) <3>(?:talk|keynote|panel|session|workshop|"
        r"conference|summit|meetup|event|dinner|lunch|fair|expo|class|course|webinar)\b",
        r"(?:haben|hatten|habe|hatte) (?:uns|sie|dich|euch) (?:\S+ ){0,6}(?:kennengelernt|"
        r"kennen gelernt|getroffen|gesehen|unterhalten|begegnet)\b",
        r"(?:uns|sie|dich|euch|ihnen|dir) (?:\S+ ){0,6}(?:kennengelernt|kennen gelernt|"
        r"getroffen|begegnet)\b",
        r"(?:schon|toll|nett|super|klasse|eine freude|ein vergnugen|gut|prima|cool) (?:\S+ ){0,4}"
        r"(?:kennengelernt|getroffen) (?:zu haben)?",
        r"war (?:\S+ ){0,3}(?:schon|toll|nett|super|klasse|eine freude|ein vergnugen) (?:\S+ ){0,6}"
        r"(?:kennenzulernen|zu treffen|zu sprechen|zu sehen)\b",
        r"(?:nous nous sommes|on s'est|je vous ai|je t'ai|nous nous etions) (?:\S+ ){0,2}"
        r"(?:rencontr|croise|vu|parle|connu|recontre)\w*",
        r"(?:rencontre|rencontres|rencontree|croise|croisee)s? (?:\S+ ){0,1}(?:a|au|lors|pendant|"
        r"hier|la semaine|le mois|chez)\b",
        r"(?:ravi|ravie|heureux|heureuse|content|contente|plaisir)\w* (?:\S+ ){0,1}d'avoir "
        r"(?:\S+ ){0,1}(?:rencontre|echange|parle|croise|discute)\w*",
        r"(?:nos conocimos|nos vimos|nos encontramos|te conoci|le conoci|la conoci|"
        r"coincidimos)\b",
        r"(?:encantad[oa]|gusto|placer|fue un placer|fue genial|me alegro) (?:\S+ ){0,2}"
        r"(?:haberte|haberle|haberla|haberos) (?:conocido|visto|saludado|encontrado)",
        r"(?:fue (?:un placer|genial|un gusto)|me encanto) (?:\S+ ){0,1}(?:conocerte|conocerle|"
        r"conocerla|verte|charlar|hablar)\b",
        r"(?:hebben|hadden) elkaar (?:\S+ ){0,10}(?:ontmoet|gezien|gesproken|leren kennen)\b",
        r"(?:elkaar|je|jou|u) (?:\S+ ){0,6}(?:ontmoet|leren kennen|gesproken|gezien)\b",
        r"(?:leuk|fijn|goed|prettig|mooi|tof)\w* (?:\S+ ){0,4}(?:kennis gemaakt|kennisgemaakt|"
        r"gesproken|ontmoet)\b",
        # An infinitive ("leuk om je daar te ontmoeten") is a plan unless it is told in the past.
        r"(?:was|het was) (?:\S+ ){0,2}(?:leuk|fijn|goed|prettig|mooi|tof)\w* <8>te (?:ontmoeten|"
        r"spreken|zien)\b",
        r"(?:leuk|fijn|goed|prettig|mooi|tof)\w* (?:\S+ ){0,4}(?:gisteren|vorige|afgelopen|laatst|"
        r"vanochtend|vanmiddag|vandaag|eerder) (?:\S+ ){0,4}te (?:ontmoeten|spreken|zien)\b",
        r"(?:ci siamo|ci eravamo) (?:\S+ ){0,2}(?:conosciut|incontrat|vist|sentit|parlat)\w*",
        r"(?:ti ho|l'ho|vi ho|la ho|abbiamo) (?:\S+ ){0,1}(?:conosciut|incontrat)\w*",
        r"(?:averti|averla|avervi) (?:\S+ ){0,1}(?:conosciut|incontrat|vist|sentit)\w*",
        r"(?:nos conhecemos|nos vimos|nos encontramos|te conheci|o conheci|a conheci)\b",
        r"(?:foi (?:um prazer|otimo|bom|muito bom)|adorei) (?:\S+ ){0,1}(?:te conhecer|"
        r"conhece-lo|conhece-la|conhecer voce|conversar|falar)\b",
    ),
    "call_had": (
        r"(?:our|the|today's|yesterday's|last week's) (?:\S+ ){0,2}(?:call|chat|conversation|"
        r"talk|discussion|meeting|zoom|coffee|lunch|dinner|interview|exchange) (?:\S+ ){0,1}"
        r"(?:yesterday|today|earlier|last|this morning|this afternoon|the other day|on "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at|during|about|after)\b",
        r"(?:thanks|thank you|thx) (?:\S+ ){0,2}for (?:the|our|your time (?:on|during|at) the|"
        r"taking the|today's|yesterday's) (?:\S+ ){0,2}(?:call|chat|conversation|talk|"
        r"discussion|meeting|zoom|coffee|lunch|dinner|interview)\b",
        r"(?:following up on|following|after|as discussed (?:on|in|during|at)|as promised "
        r"(?:on|in|during)|further to) (?:our|the|today's|yesterday's) (?:\S+ ){0,2}(?:call|"
        r"chat|conversation|talk|discussion|meeting|zoom|coffee|lunch|exchange)\b",
        r"(?:as (?:we )?(?:discussed|agreed|promised|mentioned) (?:earlier|yesterday|today|"
        r"on the phone|during|in our|at))",
        r"(?:we|i) (?:\S+ ){0,1}(?:spoke|talked|chatted|had a call|had a chat|had coffee|"
        r"had lunch) (?:\S+ ){0,4}(?:yesterday|earlier|last|on the phone|at|during|this morning|"
        r"briefly|the other day|after)\b",
        r"(?:spoke|talked|chatted|speaking|talking|chatting) (?:with|to) you (?:\S+ ){0,2}"
        r"(?:yesterday|earlier|today|at|last|during|this morning|on the phone|after)\b",
        r"(?:unser|unseres|unserem|unseren|dem|das|den|ihr|dein) (?:\S+ ){0,2}(?:telefonat|"
        r"gesprach|call|meeting|treffen|austausch|termin|zoom|kaffee|mittagessen|"
        r"vorstellungsgesprach)\w* (?:\S+ ){0,1}(?:gestern|heute|letzte\w*|vorhin|am|auf|bei|"
        r"von|vom|in|wahrend|neulich)\b",
        r"(?:danke|vielen dank|besten dank|herzlichen dank|merci) (?:\S+ ){0,2}(?:fur|fuer) "
        r"(?:das|unser|unseren|den|die|ihr|dein) (?:\S+ ){0,2}(?:telefonat|gesprach|austausch|"
        r"call|treffen|meeting|kaffee|mittagessen|zeit (?:gestern|heute|am))\w*",
        r"(?:wie (?:\S+ ){0,3}besprochen|wie vereinbart|wie telefonisch)\b",
        r"(?:haben|hatten|habe|hatte) (?:\S+ ){0,4}(?:telefoniert|miteinander gesprochen|"
        r"uns unterhalten|uns ausgetauscht|gesprochen)\b",
        r"(?:suite a|apres|merci pour|merci de|pour faire suite a) (?:notre|cet|cette|l'|le|la|"
        r"votre) ?(?:\S+ ){0,2}(?:echange|appel|conversation|entretien|rendez-vous|rencontre|"
        r"discussion|call|cafe|dejeuner|visio)\w*",
        r"(?:comme (?:convenu|evoque|discute|promis|prevu)|nous avons (?:\S+ ){0,1}(?:echange|"
        r"discute|parle))\b",
        r"(?:gracias por|tras|despues de|siguiendo|en seguimiento a) (?:la|nuestra|el|nuestro) "
        r"(?:\S+ ){0,2}(?:llamada|conversacion|charla|reunion|cafe|entrevista|encuentro)\b",
        r"(?:como (?:hablamos|comentamos|acordamos|quedamos)|hablamos (?:ayer|el otro dia|"
        r"la semana pasada|en la|en el|durante))\b",
        r"(?:bedankt|dank|dankjewel|dank je) (?:\S+ ){0,1}voor (?:het|ons|de|onze) (?:\S+ ){0,2}"
        r"(?:gesprek|telefoontje|call|meeting|afspraak|koffie|overleg|lunch)\b",
        r"(?:na|naar aanleiding van|n\.a\.v\.) (?:ons|het|onze|de) (?:\S+ ){0,2}(?:gesprek|"
        r"telefoontje|call|meeting|overleg|koffie)\b",
        r"(?:zoals (?:besproken|afgesproken|beloofd)|hebben (?:\S+ ){0,3}gesproken)\b",
        r"(?:grazie per|dopo|a seguito di|in seguito a) (?:la|il|l'|nostra|nostro|la nostra|"
        r"il nostro) ?(?:\S+ ){0,2}(?:chiamata|telefonata|call|conversazione|chiacchierata|"
        r"incontro|riunione|caffe|colloquio)\b",
        r"(?:come (?:discusso|concordato|d'accordo|promesso)|abbiamo (?:\S+ ){0,1}(?:parlato|"
        r"chiacchierato))\b",
        r"(?:obrigad[oa]|valeu) (?:\S+ ){0,1}(?:pela|pelo) (?:\S+ ){0,2}(?:conversa|chamada|"
        r"ligacao|reuniao|call|cafe|papo|encontro|almoco)\b",
        r"(?:apos|depois d[ao]|seguindo|conforme) (?:nossa|nosso|a|o)? ?(?:\S+ ){0,1}(?:conversa|"
        r"chamada|ligacao|reuniao|call|cafe|papo|encontro)\b",
        r"(?:como (?:conversamos|combinamos|falamos)|conversamos (?:ontem|na|no|durante|semana))",
    ),
    "introduced_by": (
        *_INTRODUCED,
        r"(?:introduced|referred|recommended|connected|pointed) (?:\S+ ){0,3}(?:by|through|"
        r"via) (?:my |our |your |our mutual |a mutual )?(?:friend |colleague |contact )?N",
        r"N (?:\S+ ){0,1}(?:suggested|recommended|told me|thought|mentioned|said) (?:\S+ ){0,2}"
        r"(?:i|we|that i|that we|me to) (?:should )?(?:reach out|connect|contact|get in touch|"
        r"talk|speak|write)",
        r"(?:mutual (?:friend|colleague|contact)|friend of (?:yours|mine)|our friend|"
        r"your colleague|my colleague) N",
        r"N's (?:husband|wife|partner|brother|sister|son|daughter|father|mother|colleague|friend|"
        r"boss|manager|cofounder|co-founder|assistant|cousin|roommate|flatmate|neighbou?r)\b",
        r"(?:empfehlung|vermittlung|vorschlag|hinweis) (?:von|durch) (?:\S+ ){0,2}N",
        r"N hat (?:mir|mich|uns) (?:\S+ ){0,3}(?:empfohlen|vorgeschlagen|gegeben|vorgestellt|"
        r"erzahlt|geraten|weitergeleitet)",
        r"(?:gemeinsame\w* (?:bekannte\w*|freund\w*|kolleg\w*)|unser\w* (?:kolleg\w*|freund\w*)) N",
        r"(?:recommande|presente|introduit|conseille|oriente)\w* (?:\S+ ){0,2}par (?:\S+ ){0,2}N",
        r"(?:de la part de|sur les conseils de|sur la recommandation de) (?:\S+ ){0,1}N",
        r"N m'a (?:\S+ ){0,2}(?:conseille|suggere|recommande|donne|parle|propose)",
        r"(?:recomendad[oa]|presentad[oa]|referid[oa]) (?:\S+ ){0,1}por (?:\S+ ){0,2}N",
        r"(?:de parte de) (?:\S+ ){0,1}N",
        r"N me (?:\S+ ){0,1}(?:recomendo|sugirio|dio tu|hablo|paso tu)",
        r"(?:aanbevolen|aangeraden|voorgesteld|doorverwezen|geintroduceerd) (?:\S+ ){0,1}"
        r"(?:door|via) (?:\S+ ){0,2}N",
        r"N (?:raadde|stelde voor|gaf me|heeft me|zei dat)",
        r"(?:consigliat[oa]|presentat[oa]|raccomandat[oa]|segnalat[oa]) (?:\S+ ){0,1}da "
        r"(?:\S+ ){0,2}N",
        r"(?:da parte di|su consiglio di) (?:\S+ ){0,1}N",
        r"N mi ha (?:\S+ ){0,1}(?:consigliato|suggerito|dato|parlato|passato)",
        r"(?:recomendad[oa]|indicad[oa]|apresentad[oa]) (?:\S+ ){0,1}(?:por|pel[oa]) "
        r"(?:\S+ ){0,2}N",
        r"(?:da parte d[eoa]|por indicacao d[eoa]) (?:\S+ ){0,1}N",
        r"N me (?:\S+ ){0,1}(?:indicou|recomendou|sugeriu|passou|falou)",
    ),
    "studied_together": (
        r"(?:we|you and i) (?:\S+ ){0,2}(?:studied|were (?:in|at)|took|did|shared|attended) "
        r"(?:\S+ ){0,4}(?:together|the same (?:class|course|program\w*|seminar|lecture|cohort|"
        r"module|mba|master\w*|bootcamp))\b",
        r"(?:same|our) (?:\S+ ){0,2}(?:class|course|cohort|seminar|study group|mba class|"
        r"program\w*|bootcamp|batch) (?:\S+ ){0,3}(?:at|in|back in|\d{4})\b",
        r"(?:classmates?|fellow students|course ?mates?|study buddies|lab ?mates?|"
        r"roommates?) (?:at|in|from|back|during)\b",
        r"(?:im selben|im gleichen|in einem|im) (?:\S+ ){0,1}(?:kurs|seminar|studiengang|"
        r"jahrgang|semester|mba|master\w*|lehrgang)\b (?:\S+ ){0,4}(?:waren|sas+en|geses+en|"
        r"studiert|belegt)",
        r"(?:zusammen|gemeinsam) (?:\S+ ){0,4}(?:studiert|die schulbank gedruckt)",
        r"(?:etudie|etudies|etudiait) (?:\S+ ){0,3}ensemble|(?:meme|la meme) (?:promo|promotion|"
        r"classe|formation)\b",
        r"(?:estudiamos|estudiaron) (?:\S+ ){0,4}(?:juntos|juntas)|(?:misma|mismo) (?:clase|"
        r"promocion|curso|master|mba)\b",
        r"samen (?:\S+ ){0,4}gestudeerd|(?:dezelfde|zelfde) (?:klas|opleiding|studie|cursus|"
        r"lichting)\b",
        r"(?:studiato|studiavamo) (?:\S+ ){0,4}insieme|(?:stessa|stesso) (?:classe|corso|"
        r"master|mba)\b",
        r"(?:estudamos|estudavamos) (?:\S+ ){0,4}(?:juntos|juntas)|(?:mesma|mesmo) (?:turma|"
        r"sala|classe|curso|mba)\b",
    ),
    "business_relation": (
        *_ROLE_TOWARDS_YOU,
        r"(?:you|your team|your company) (?:\S+ ){0,2}(?:were|was|are|have been) "
        r"(?:our|my) (?:client|customer|supplier|vendor|agency|partner|investor|landlord|"
        r"contractor|freelancer|lawyer|accountant)\b",
        r"(?:we|i) (?:\S+ ){0,2}(?:hired|contracted|engaged|used|worked for|placed) you\b",
        r"(?:during|after|on) (?:my|our|your) (?:recent )?visit (?:to|at|in)\b",
        r"(?:thanks|thank you|thx) (?:\S+ ){0,2}for (?:the|your) (?:\S+ ){0,1}(?:intro|"
        r"introduction|referral|recommendation|hospitality|warm welcome|tour)\b",
        r"(?:pour|de) (?:m'avoir|nous avoir) (?:\S+ ){0,1}(?:recu|accueilli|reçu|reçus|recus)\b",
        r"per (?:avermi|averci) (?:\S+ ){0,1}(?:ospitat|accolt|ricevut)\w*",
        r"por (?:recibirme|recibirnos|acogerme|acogernos)\b",
        r"por (?:me|nos) (?:ter )?(?:receber|recebido|acolher)\b",
        r"(?:danke|vielen dank|merci) (?:\S+ ){0,2}fur den (?:\S+ ){0,1}empfang\b",
        r"bedankt (?:\S+ ){0,2}voor de (?:\S+ ){0,1}(?:ontvangst|rondleiding)\b",
        r"(?:merci|remercie) (?:\S+ ){0,2}pour (?:votre |ton |l')accueil\b",
        r"lors de (?:ma|notre|votre|ta) (?:visite|venue|passage)\b",
        r"bei (?:meinem|unserem|ihrem|deinem) (?:\S+ ){0,1}besuch (?:bei|in|am|im)\b",
        r"(?:you|your team|your company|your agency|your firm) <1>(?:supplied|delivered|built|"
        r"designed|produced|shot|organised|organized|catered|hosted|provided|handled|ran|"
        r"installed|translated|audited|renovated) <4>(?:for|at) (?:our|my)\b",
        r"(?:you|your team) (?:\S+ ){0,2}(?:hired|interviewed|placed|onboarded|trained|"
        r"mentored|coached|supervised|managed) (?:me|us)\b",
        r"(?:my|our) (?:\S+ ){0,1}(?:interview|onboarding|contract|engagement|project) with you\b",
        r"(?:sie|ihr team|ihre firma) (?:\S+ ){0,2}(?:waren|war|sind) (?:unser|unsere|mein|meine) "
        r"(?:kunde|kundin|lieferant|dienstleister|partner|auftraggeber)\b",
        r"(?:sie|du) (?:\S+ ){0,3}(?:hat|haben|hast) (?:mich|uns) (?:\S+ ){0,4}(?:eingestellt|"
        r"interviewt|betreut|eingearbeitet|beraten|vermittelt)\b",
        r"(?:vous|tu) (?:m'avez|m'as|nous avez|nous as) (?:\S+ ){0,2}(?:recrute|embauche|"
        r"accompagne|forme|encadre|conseille)\w*",
        r"(?:usted|tu) (?:me|nos) (?:\S+ ){0,1}(?:contrato|contrataste|entrevisto|"
        r"entrevistaste|formo|formaste|asesoro|asesoraste)\b",
        r"(?:je|u) (?:\S+ ){0,1}(?:hebt|heeft) (?:me|ons) (?:\S+ ){0,3}(?:aangenomen|begeleid|"
        r"geinterviewd|opgeleid)\b",
        r"(?:mi|ci) (?:\S+ ){0,1}(?:hai|ha) (?:\S+ ){0,2}(?:assunto|assunta|seguito|formato|"
        r"intervistato|intervistata)\b",
        r"(?:voce|o senhor|a senhora) (?:me|nos) (?:\S+ ){0,1}(?:contratou|entrevistou|"
        r"treinou|orientou|atendeu)\b",
    ),
}
