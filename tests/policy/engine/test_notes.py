import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy.engine.defaults import DEFAULT_TEXTS, GREETINGS
from policy.engine.notes import Evidence, NoteReader, NoteReading
from policy.engine.notes.fold import fold_note, plain_note

READER = NoteReader(default_texts=[t for _, t in DEFAULT_TEXTS], greetings=GREETINGS)


def kinds(evidence: tuple[Evidence, ...]) -> set[str]:
    return {e.kind for e in evidence}


def read(note: str) -> NoteReading:
    reading = READER.read(note)
    for evidence in reading.advertising + reading.scam + reading.context:
        assert evidence.quote in note
        assert 0 < len(evidence.quote) <= 80
    return reading


ADVERTISING = [
    # English cold pitches
    ("I help agencies like yours cut production costs by 30%. Open to a quick call?", "we_help"),
    ("Hi Sarah, we help B2B SaaS companies book 20+ qualified meetings a month.", "we_help"),
    ("We've helped 140 dental clinics fill their calendars. Worth a chat?", "we_help"),
    ("I help coaches and consultants land high-ticket clients without ads.", "we_help"),
    ("Helping founders scale their outbound without hiring SDRs. Let's connect!", "we_help"),
    ("Hey Tom, we offer white-label SEO services for agencies at $299/mo.", "offer"),
    ("Our agency provides dedicated developers from $25/hour, quality guaranteed.", "offer"),
    ("Our platform helps finance teams close the books 5 days faster.", "offer"),
    ("Would you be interested in a free website audit? I noticed a few quick wins.", "free_offer"),
    ("I'd love to offer you a complimentary strategy session for your brand.", "free_offer"),
    ("Happy to send over a free report on your competitors' ad spend.", "free_offer"),
    ("Can I show you how we cut cloud bills in half? 15 min next week?", "pitch_call"),
    ("Would love to book a quick 15-minute demo with you this week.", "pitch_call"),
    ("I'd like to present our solution for HR teams, when are you free?", "pitch_call"),
    ("I have a list of 12,000 verified CFO contacts in DACH, interested?", "leads_growth"),
    ("We can double your revenue in 90 days or you don't pay.", "leads_growth"),
    ("We deliver 30 qualified leads per month to agencies like yours.", "leads_growth"),
    ("Hi Mark, I'm the founder of Lumio and we're raising a $2M seed round.", "fundraising"),
    ("We are currently closing our pre-seed round, would you like to see our deck?", "fundraising"),
    (
        "Looking for angel investors for our climate tech startup, 20% already committed.",
        "fundraising",
    ),
    ("Exclusive offer this week only: 40% off our LinkedIn ghostwriting packages.", "offer"),
    ("Do you need a new website? We build modern sites at an affordable price.", "offer"),
    # German
    (
        "Hallo Frau Weber, wir helfen Agenturen, ihre Produktionskosten um 30 % zu senken.",
        "we_help",
    ),
    ("Wir bieten maßgeschneiderte Softwarelösungen für den Mittelstand an.", "offer"),
    ("Gerne würde ich Ihnen unsere Lösung in einem kurzen Termin vorstellen.", "pitch_call"),
    ("Darf ich Ihnen ein kostenloses Erstgespräch anbieten?", "free_offer"),
    ("Ich biete Ihnen eine unverbindliche Potenzialanalyse Ihres Vertriebs.", "free_offer"),
    ("Mit uns gewinnen Sie 20 neue Kunden pro Monat – garantiert.", "leads_growth"),
    ("Wir sammeln gerade Kapital für unsere Seed-Runde und suchen Business Angels.", "fundraising"),
    ("Ich helfe Coaches, ihren Umsatz zu verdoppeln.", "we_help"),
    # French
    ("Bonjour Marie, nous aidons les PME à automatiser leur comptabilité.", "we_help"),
    ("Nous proposons des solutions de cybersécurité clé en main pour les cabinets.", "offer"),
    ("Je vous propose un audit SEO gratuit de votre site.", "free_offer"),
    ("J'aimerais vous présenter notre plateforme lors d'un échange de 15 minutes.", "pitch_call"),
    ("Nous sommes en pleine levée de fonds et cherchons des business angels.", "fundraising"),
    ("J'accompagne les dirigeants à doubler leur chiffre d'affaires.", "we_help"),
    # Spanish
    ("Hola Juan, ayudamos a empresas como la tuya a reducir costes logísticos.", "we_help"),
    ("Ofrecemos servicios de desarrollo web a precios competitivos.", "offer"),
    ("¿Te interesaría una auditoría gratuita de tus campañas?", "free_offer"),
    ("Me gustaría presentarte nuestra solución en una llamada de 15 minutos.", "pitch_call"),
    ("Estamos levantando una ronda de financiación seed de 1M€.", "fundraising"),
    ("Generamos 50 nuevos clientes al mes para clínicas dentales.", "leads_growth"),
    # Dutch
    ("Hoi Pieter, wij helpen bedrijven zoals het jouwe om meer leads te genereren.", "we_help"),
    ("Wij bieden op maat gemaakte softwareoplossingen voor het mkb.", "offer"),
    ("Graag bied ik je een gratis adviesgesprek aan.", "free_offer"),
    ("Ik laat je graag in 15 minuten onze oplossing zien.", "pitch_call"),
    ("We zitten midden in een financieringsronde en zoeken investeerders.", "fundraising"),
    # Italian
    ("Ciao Luca, aiutiamo le aziende a ridurre i costi energetici del 20%.", "we_help"),
    ("Offriamo servizi di consulenza fiscale per startup.", "offer"),
    ("Ti propongo una consulenza gratuita e senza impegno.", "free_offer"),
    ("Vorrei presentarti la nostra piattaforma in una breve call.", "pitch_call"),
    ("Stiamo chiudendo un round di finanziamento seed, cerchiamo investitori.", "fundraising"),
    # Portuguese
    ("Olá Ana, ajudamos empresas a aumentar suas vendas com automação.", "we_help"),
    ("Oferecemos serviços de marketing digital para clínicas.", "offer"),
    ("Gostaria de oferecer uma análise gratuita do seu site.", "free_offer"),
    ("Posso apresentar-lhe a nossa solução numa chamada rápida?", "pitch_call"),
    ("Estamos captando investimento para nossa rodada seed.", "fundraising"),
]

SCAMS = [
    ("Earn $500 per day working from home, no experience needed! Contact me.", "job_scam"),
    ("Congratulations, you have been selected for a remote data entry role, $45/hour.", "job_scam"),
    ("Send your CV on WhatsApp +44 7700 900123 for an immediate start.", "job_scam"),
    ("Guaranteed returns of 15% weekly with our bitcoin trading signals.", "investment_scam"),
    ("I made $30k last month with passive income from crypto, let me show you.", "investment_scam"),
    ("Let's continue on WhatsApp, it's easier for me: +1 555 0100 2233", "off_platform"),
    ("Please add me on Telegram @fxmentor, I will guide you.", "off_platform"),
    ("Verdienen Sie bis zu 300 € pro Tag von zu Hause aus!", "job_scam"),
    ("Garantierte Rendite von 8 % im Monat mit unserem Krypto-Investment.", "investment_scam"),
    ("Schreiben Sie mir auf WhatsApp, dort kann ich Ihnen mehr erzählen.", "off_platform"),
    ("Gagnez jusqu'à 200 € par jour sans expérience requise.", "job_scam"),
    ("Rendements garantis de 10 % par mois, contactez-moi sur WhatsApp.", "investment_scam"),
    ("Gana hasta 150 € al día desde casa, sin experiencia necesaria.", "job_scam"),
    ("Rentabilidad garantizada del 12% mensual invirtiendo en forex.", "investment_scam"),
    ("Verdien tot €250 per dag, geen ervaring nodig.", "job_scam"),
    (
        "Gegarandeerd rendement van 9% per maand, stuur me een bericht op WhatsApp.",
        "investment_scam",
    ),
    ("Guadagna fino a 200 € al giorno lavorando da casa.", "job_scam"),
    ("Rendimenti garantiti del 10% mensile, scrivimi su Telegram.", "investment_scam"),
    ("Ganhe até R$ 500 por dia trabalhando de casa, sem experiência necessária.", "job_scam"),
    ("Lucro garantido de 20% ao mês, me chama no WhatsApp.", "investment_scam"),
]

CONTEXT = [
    ("Great meeting you at the Berlin fintech meetup yesterday!", "met_at"),
    ("Hi Jo, we met at Web Summit last year at the Stripe booth.", "met_at"),
    ("Nice chatting with you after the panel on Tuesday.", "met_at"),
    ("We worked together at Deloitte back in 2016 on the Allianz audit.", "worked_together"),
    ("Loved co-producing the Night Shift documentary with you.", "worked_together"),
    ("Hey, the crypto desk we built together at Kraken still makes me proud.", "worked_together"),
    ("We were colleagues at Zalando, in the payments team.", "worked_together"),
    ("Former colleague from Siemens here, hope you're well!", "worked_together"),
    ("Thanks for the call yesterday about the migration project.", "call_had"),
    ("Following up on our conversation at the Hamburg Media Dinner.", "call_had"),
    ("Anna Keller suggested I reach out to you about the role.", "introduced_by"),
    ("I was introduced to you by Markus Brandt from Sennheiser.", "introduced_by"),
    ("We studied together at LSE, same MSc cohort in 2014.", "studied_together"),
    ("You interviewed me for the analyst role at KPMG last spring.", "business_relation"),
    # German
    ("Wir haben 2019 zusammen bei der UFA den Tatort gedreht.", "worked_together"),
    ("Hallo Jan, wir haben im Projekt für ACME zusammengearbeitet.", "worked_together"),
    ("Schön, Sie gestern auf der DMEXCO kennengelernt zu haben!", "met_at"),
    ("Wir haben uns letzte Woche beim Digitalgipfel in Jena getroffen.", "met_at"),
    ("Danke für das nette Telefonat heute Morgen.", "call_had"),
    ("Meine ehemalige Kollegin bei der Telekom, schön dich hier zu finden.", "worked_together"),
    ("Lukas Brenner hat mir empfohlen, mich bei Ihnen zu melden.", "introduced_by"),
    # French
    ("Bonjour Claire, nous avons travaillé ensemble chez Publicis en 2018.", "worked_together"),
    ("Ravi de vous avoir rencontré au salon VivaTech la semaine dernière.", "met_at"),
    ("Nous nous sommes rencontrés au Web Summit à Lisbonne.", "met_at"),
    ("Merci pour notre échange de ce matin.", "call_had"),
    ("Sophie Martin m'a conseillé de vous contacter.", "introduced_by"),
    # Spanish
    ("Hola Marta, trabajamos juntos en el proyecto de Iberdrola en 2020.", "worked_together"),
    ("Nos conocimos en el South Summit de Madrid, en la mesa de fintech.", "met_at"),
    ("Gracias por la llamada de ayer, fue muy útil.", "call_had"),
    ("Carlos Ruiz me recomendó contactarte.", "introduced_by"),
    # Dutch
    ("Hoi Sanne, we hebben samen aan de campagne voor KLM gewerkt.", "worked_together"),
    ("We hebben elkaar vorige week op de Dutch Design Week ontmoet.", "met_at"),
    ("Bedankt voor het fijne gesprek van gisteren.", "call_had"),
    # Italian
    ("Ciao Marco, abbiamo lavorato insieme in Accenture nel 2017.", "worked_together"),
    ("Ci siamo conosciuti al Salone del Mobile di Milano.", "met_at"),
    ("Grazie per la chiacchierata di ieri, molto utile.", "call_had"),
    # Portuguese
    ("Olá João, trabalhamos juntos na Natura em 2019.", "worked_together"),
    ("Nos conhecemos no Web Summit em Lisboa, no stand da Farfetch.", "met_at"),
    ("Obrigado pela conversa de ontem sobre o projeto.", "call_had"),
]

NO_CONTEXT = [
    "I came across your profile and admire your work in media.",
    "Looking forward to meeting at Web Summit next month.",
    "Read your post about remote teams, couldn't agree more!",
    "Fellow Stanford alum here, would love to connect.",
    "We're both in the fintech space, let's connect and share ideas.",
    "I'd love to learn more about your work at Spotify.",
    "Hi Tom,\nloved your keynote",
    "Hi Anna, thanks for the conference invite",
    "We haven't met yet, but I'm impressed by your projects.",
    "I'd love to work together on a project someday.",
    "Ich bin auf Ihr Profil gestoßen und finde Ihre Arbeit spannend.",
    "Ich freue mich darauf, Sie auf der re:publica kennenzulernen.",
    "J'ai lu votre article sur l'IA, très intéressant.",
    "Me encantaría conocer más sobre tu trabajo.",
    "Ik zou je graag leren kennen, we zitten in dezelfde branche.",
    "Ho visto il tuo profilo e mi piacerebbe entrare in contatto.",
    "Vi seu perfil e gostaria de fazer parte da sua rede.",
    "Wir haben uns noch nie getroffen, aber ich folge Ihren Beiträgen.",
    "Hope to see you at the conference next week!",
]

NOT_ADVERTISING = [
    "Hi Tom,\nloved your keynote",
    "I came across your profile and admire your work in media.",
    "Hey, the crypto desk we built together at Kraken still makes me proud.",
    "We worked together on the growth project at N26, great to reconnect.",
    "I'm a data engineer looking for my next role in Berlin, would love your advice.",
    "Fellow alumni of TU Munich here, would love to connect.",
    "Great meeting you at the Berlin fintech meetup yesterday!",
    "Thanks for sharing your thoughts on crypto regulation in your post.",
    "I'm exploring a career switch into product management, any tips?",
    "Recruiter at Booking.com here, I'm hiring senior engineers, open to a chat?",
    "Our solution architecture team loved your talk at AWS Summit.",
    "Feel free to review my portfolio when you have a minute.",
    "Ich suche eine neue Herausforderung im Projektmanagement.",
    "Wir haben gemeinsam das Projekt für die Telekom umgesetzt.",
    "Je suis étudiant en master et je m'intéresse à votre parcours.",
    "Estoy buscando trabajo como diseñador UX, ¿tienes algún consejo?",
    "Ik ben op zoek naar een stage in marketing.",
    "Sono uno studente e vorrei conoscere il tuo percorso.",
    "Estou procurando oportunidades na área de dados.",
    "Hi Anna, thanks for the conference invite",
    "We met at the expo in 2019 and talked about 3 projects.",
    "Let's stay in touch, I enjoyed your podcast episode on growth.",
    "Estou vendo que você também trabalha com dados, vamos nos conectar?",
    "I saw your post in the Telegram channel of the PyData community.",
    "I'm a freelance designer and would love to connect with people in fintech.",
    "Congrats on closing the round! Impressive work by the whole team.",
]

DEFAULTS = [
    "I'd like to add you to my professional network on LinkedIn.",
    "I’d like to add you to my professional network on LinkedIn.",
    "Hi Paul,\nI'd like to add you to my professional network on LinkedIn.\n- Nina",
    "I'd like to add you to my professional network on LinkedIn.\n\nBest,\nPaul Zimmermann",
    "I'd like to connect with you on LinkedIn.",
    "Paul, I'd like to join your LinkedIn network.",
    "Hi Anna Schmidt, I'd like to join your LinkedIn network.",
    "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
    "Hallo Max, ich möchte dich gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
    "Sehr geehrte Frau Dr. Weber, ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn "
    "hinzufügen. Viele Grüße, Jan",
    "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
    "Bonjour Claire, je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
    "Me gustaría añadirte a mi red profesional en LinkedIn.",
    "Hola Marta, me gustaría agregarte a mi red profesional de LinkedIn.",
    "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
    "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
    "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
    "Olá Ana, gostaria de adicionar você à minha rede profissional no LinkedIn.",
    "I'D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN",
]

NOT_DEFAULTS = [
    "I'd like to add you to my professional network on LinkedIn. We met at Web Summit.",
    "We met at Web Summit. I'd like to add you to my professional network on LinkedIn.",
    "Ich möchte Sie gerne zu meinem Netzwerk hinzufügen, weil wir zusammen studiert haben.",
    "Hi, loved your keynote on LinkedIn strategy.",
]


@pytest.mark.parametrize(("note", "kind"), ADVERTISING)
def test_it_recognises_a_pitch_by_what_the_note_does(note, kind):
    reading = read(note)
    assert kind in kinds(reading.advertising), (note, reading.advertising)


@pytest.mark.parametrize(("note", "kind"), SCAMS)
def test_it_recognises_job_and_investment_scams(note, kind):
    reading = read(note)
    assert kind in kinds(reading.scam), (note, reading.scam)


@pytest.mark.parametrize(("note", "kind"), CONTEXT)
def test_it_recognises_a_concrete_shared_experience(note, kind):
    reading = read(note)
    assert kind in kinds(reading.context), (note, reading.context)


@pytest.mark.parametrize("note", NO_CONTEXT)
def test_admiration_shared_fields_and_future_plans_are_no_context(note):
    reading = read(note)
    assert reading.context == (), (note, reading.context)


@pytest.mark.parametrize("note", NOT_ADVERTISING)
def test_an_ambiguous_word_alone_is_no_pitch(note):
    reading = read(note)
    assert reading.advertising == () and reading.scam == (), (note, reading)


@pytest.mark.parametrize("note", DEFAULTS)
def test_it_recognises_linkedins_default_texts_with_greeting_and_name(note):
    reading = read(note)
    assert reading.is_default, note
    assert reading.default_text in {text for _, text in DEFAULT_TEXTS}


@pytest.mark.parametrize("note", NOT_DEFAULTS)
def test_a_default_text_with_content_added_is_not_default(note):
    reading = read(note)
    assert not reading.is_default
    assert reading.default_text == ""


def test_every_listed_default_text_is_recognised_in_its_language():
    for lang, text in DEFAULT_TEXTS:
        reading = read(text)
        assert reading.is_default and reading.default_text == text
        assert reading.language in (lang, ""), (text, reading.language)


def test_the_default_texts_stay_editable():
    reader = NoteReader(default_texts=["Jeg vil gerne tilføje dig til mit netværk på LinkedIn."])
    assert reader.read(
        "Hej Lars, jeg vil gerne tilføje dig til mit netværk på LinkedIn."
    ).is_default
    assert not reader.read("I'd like to add you to my professional network on LinkedIn.").is_default


def test_greetings_from_the_policy_are_used_before_a_default_text():
    text = "I'd like to add you to my professional network on LinkedIn."
    assert NoteReader(greetings=["Yo"]).read("yo Paul, " + text).is_default
    assert not NoteReader().read("yo Paul, " + text).is_default


@pytest.mark.parametrize(
    ("note", "body"),
    [
        ("Hi Tom,\nloved your keynote", "Hi Tom,\nloved your keynote"),
        ("Hi Anna, thanks for the conference invite", "Hi Anna, thanks for the conference invite"),
        ("We met at the expo. – Nina", "We met at the expo."),
        ("We met at the expo.\nBest, Paul Zimmermann", "We met at the expo."),
        ("We met at the expo. Best, Paul Zimmermann", "We met at the expo."),
        ("We met at the expo.\n\nBest regards,\nPaul", "We met at the expo."),
        ("Wir kennen uns vom Barcamp.\nViele Grüße\nJürgen Müller", "Wir kennen uns vom Barcamp."),
        ("On s'est croisés à VivaTech. Cordialement, Aurélie", "On s'est croisés à VivaTech."),
        ("Thanks for the talk on data mesh!", "Thanks for the talk on data mesh!"),
        ("Great session today, thanks", "Great session today"),
        ("Let's connect.\nNina", "Let's connect."),
        ("- Nina", "- Nina"),
    ],
)
def test_only_a_name_like_closing_is_stripped(note, body):
    assert read(note).body == body


def test_context_and_pitches_are_found_in_the_closing_too():
    reading = read("Hi,\nwe worked together at Bosch.\nBest regards, Paul – we help brands grow")
    assert kinds(reading.context) == {"worked_together"}
    assert reading.advertising


def test_the_quote_shows_the_words_as_written():
    reading = read("Olá! Nós trabalhamos JUNTOS na Natura em 2019.")
    assert reading.context == (Evidence("worked_together", "Nós trabalhamos JUNTOS"),)


def test_pitch_words_inside_a_shared_experience_are_no_pitch():
    reading = read("We launched the free trial campaign together at HubSpot in 2019.")
    assert kinds(reading.context) == {"worked_together"}
    assert reading.advertising == ()
    assert read("We launched a free trial. We worked together at HubSpot.").advertising


def test_an_introduction_needs_a_named_person():
    assert read("He suggested I reach out to you.").context == ()
    assert kinds(read("Maria suggested I reach out to you.").context) == {"introduced_by"}


def test_the_language_is_guessed_or_left_empty():
    assert read("Wir haben uns auf der Messe in Köln getroffen.").language == "de"
    assert read("Nous avons travaillé ensemble chez Orange.").language == "fr"
    assert read("Hola, trabajamos juntos en Telefónica hace años.").language == "es"
    assert read("OK").language == ""


def test_an_empty_note_reads_as_nothing():
    for note in ("", "   ", "\n\n"):
        reading = read(note)
        assert reading.body == "" and not reading.is_default
        assert reading.advertising == reading.scam == reading.context == ()


def test_hostile_notes_are_read_in_linear_time():
    notes = [
        "a." * 5000,
        "we help " * 1250,
        "together " * 1100,
        "free " * 2000,
        ("zusammen " * 100 + "x ") * 10,
        "I'd like to add you to my professional network on LinkedIn. " * 160,
        "é" * 10000,
        "Best, " * 1600 + "Paul",
        "how many leads " * 700 + "?",
        "freelance " * 1000 + ": logos",
        "developers " * 900 + "? we",
        "remember the night " * 500 + "?",
        "thanks for the dinner " * 450,
        "wir sind ein team " * 550,
    ]
    for note in notes:
        start = time.perf_counter()
        READER._read(note)
        assert time.perf_counter() - start < 0.25, note[:20]


@given(st.text(max_size=200))
def test_folding_keeps_every_character_in_place(text):
    assert len(fold_note(text)) == len(text)
    assert len(plain_note(text)) == len(text)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                [
                    "we",
                    "help",
                    "companies",
                    "like yours",
                    "free",
                    "audit",
                    "met",
                    "at",
                    "together",
                    "Anna",
                    "suggested",
                    "I",
                    "reach out",
                    "haben",
                    "zusammen",
                    "gedreht",
                    "\n",
                    "- Nina",
                    "Best,",
                    "é",
                    "İ",
                    "ß",
                    "’",
                    "LinkedIn",
                    "I'd like to add you to my professional network on LinkedIn.",
                ]
            ),
            max_size=40,
        ).map(" ".join),
    )
)
def test_reading_never_raises_and_quotes_are_words_of_the_note(note):
    reading = read(note)
    assert isinstance(reading, NoteReading)
    assert reading.body == "" or reading.body in note
    assert READER.read(note) is reading


# Realistic notes in every shape: A advertises, S scam, C context, N neither, D default text.
LABELLED = [
    (
        "A",
        (
            "Hi Laura, quick question - are you the right person to talk to about "
            "payroll software? We save HR teams 10 hours a week."
        ),
    ),
    (
        "A",
        (
            "Hey! I run a small design studio and we create pitch decks for startups. "
            "Would you like to see some samples?"
        ),
    ),
    (
        "A",
        (
            "We partner with logistics companies to reduce fuel costs. Can I send you "
            "a short case study?"
        ),
    ),
    (
        "A",
        (
            "Hi Ben, I noticed your team is hiring. We provide pre-vetted developers "
            "from Eastern Europe at half the cost."
        ),
    ),
    ("A", "Our AI tool writes your LinkedIn posts in seconds. Try it free for 14 days!"),
    (
        "A",
        (
            "I'm reaching out because we've built a platform that automates invoice "
            "processing for mid-sized firms."
        ),
    ),
    (
        "A",
        (
            "Would you be open to a 15-minute call to see if our compliance software "
            "is a fit for you?"
        ),
    ),
    (
        "A",
        ("We are a Berlin-based agency specialising in performance marketing for D2C brands."),
    ),
    (
        "A",
        (
            "I'm the founder of GreenTrack. We're raising our Series A and I'd love to "
            "get your thoughts as an investor."
        ),
    ),
    (
        "A",
        ("Hi, I can get you 50 appointments with decision makers every month. Interested?"),
    ),
    ("A", "Let me know if you want a free mockup of your new landing page."),
    (
        "A",
        (
            "Hallo Herr Braun, wir unterstützen mittelständische Unternehmen bei der "
            "Digitalisierung ihrer Buchhaltung. Hätten Sie Interesse an einem kurzen "
            "Austausch?"
        ),
    ),
    (
        "A",
        (
            "Guten Tag, ich bin Vertriebsleiter bei CloudX und möchte Ihnen gerne "
            "unser neues CRM vorstellen."
        ),
    ),
    (
        "A",
        (
            "Hi Sabine, mit unserer Software sparen Kanzleien bis zu 20 Stunden pro "
            "Woche. Darf ich Ihnen eine Demo zeigen?"
        ),
    ),
    (
        "A",
        (
            "Bonjour, notre cabinet accompagne les start-ups dans leur croissance à "
            "l'international. Seriez-vous disponible pour un échange ?"
        ),
    ),
    (
        "A",
        (
            "Bonjour Pierre, je me permets de vous contacter car nous proposons une "
            "solution de recrutement innovante."
        ),
    ),
    (
        "A",
        (
            "Hola Ana, somos una agencia de marketing digital y ayudamos a e-commerce "
            "a vender más. ¿Hablamos?"
        ),
    ),
    (
        "A",
        ("Buenos días, le escribo para ofrecerle nuestros servicios de traducción jurada."),
    ),
    (
        "A",
        (
            "Hoi Mark, wij helpen webshops met het verhogen van hun conversie. Zin in "
            "een kort gesprek?"
        ),
    ),
    (
        "A",
        (
            "Buongiorno, la nostra azienda offre soluzioni di cybersecurity per PMI. "
            "Posso inviarle una presentazione?"
        ),
    ),
    (
        "A",
        (
            "Olá Pedro, somos uma consultoria especializada em ERP e gostaríamos de "
            "apresentar nossa proposta."
        ),
    ),
    (
        "A",
        ("Hi Kate, we just launched a new bookkeeping service for freelancers - first month free."),
    ),
    (
        "S",
        (
            "Hello dear, I am a financial advisor and I can help you earn 25% profit "
            "every week through crypto mining."
        ),
    ),
    (
        "S",
        (
            "We are hiring remote assistants, $800 weekly, no interview required. Text "
            "me on WhatsApp."
        ),
    ),
    (
        "S",
        (
            "Hi, I saw your profile and I think you'd be perfect for a part-time role "
            "paying $60/hour. Message me on Telegram for details."
        ),
    ),
    (
        "S",
        (
            "I'm a forex trader and I help people grow their money with guaranteed "
            "profits. Interested?"
        ),
    ),
    (
        "S",
        ("Hallo, ich biete Ihnen eine einmalige Gelegenheit: 10% Rendite pro Monat, garantiert!"),
    ),
    (
        "S",
        (
            "Bonjour, je recrute pour un poste à domicile, 300€ par semaine, "
            "contactez-moi sur WhatsApp."
        ),
    ),
    (
        "C",
        ("Hi Jonas, it was a pleasure working with you on the Audi campaign last spring."),
    ),
    (
        "C",
        (
            "Hey Mia! We sat next to each other at the Google Analytics training in "
            "Hamburg - great to see you here."
        ),
    ),
    (
        "C",
        ("Thanks for hosting us at your office last Thursday, the workshop was brilliant."),
    ),
    ("C", "Hi Chris, we were on the same panel at SXSW. Let's stay in touch!"),
    (
        "C",
        ("Hallo Tobias, wir kennen uns aus dem Master in Mannheim, lange nicht gesehen!"),
    ),
    (
        "C",
        ("Hi Frau Schulz, vielen Dank für das angenehme Gespräch auf der Hannover Messe."),
    ),
    ("C", "Servus Flo, war super, mit dir beim Dreh in Wien zusammenzuarbeiten!"),
    ("C", "Salut Julie, on a bossé ensemble chez Ubisoft il y a quelques années !"),
    ("C", "Hola Pablo, coincidimos en el máster de IE Business School."),
    ("C", "Ciao Giulia, è stato un piacere conoscerti al workshop di Torino."),
    ("C", "Oi Rafael, foi ótimo conversar com você no evento da RD Station ontem."),
    (
        "C",
        (
            "Hi Emma, my manager Tom Fischer mentioned you're the person to talk to "
            "about SAP migrations."
        ),
    ),
    ("C", "We spoke on the phone last week about the office lease in Munich."),
    ("C", "Hi Dana, I was your intern at Bosch in 2015 - hope you're doing well!"),
    ("C", "Dag Eva, leuk dat we elkaar op het congres in Utrecht hebben gesproken."),
    ("N", "Hi Oliver, I'm impressed by your career path and would love to connect."),
    (
        "N",
        ("Hello, I'm expanding my network in the automotive industry. Happy to connect."),
    ),
    ("N", "Hi, I see we're both members of the Product Management Germany group."),
    ("N", "Hi Sarah, as a fellow INSEAD alum I'd love to connect."),
    (
        "N",
        (
            "Hello, I'm a student at TU Berlin and I'm interested in your company. "
            "Could you share any advice?"
        ),
    ),
    ("N", "I'll be attending DMEXCO next week as well, would be great to meet there!"),
    ("N", "Your recent post about leadership really resonated with me."),
    (
        "N",
        (
            "Hallo, ich bin ebenfalls im Bereich Projektmanagement tätig und würde "
            "mich gerne vernetzen."
        ),
    ),
    ("N", "Bonjour, votre profil m'intéresse beaucoup, au plaisir d'échanger."),
    ("N", "Hola, me gustaría ampliar mi red con profesionales del sector financiero."),
    (
        "N",
        ("Ciao, ho letto il tuo articolo sulla crescita delle startup, molto interessante."),
    ),
    ("N", "Olá, acompanho seu trabalho há algum tempo e gostaria de me conectar."),
    (
        "N",
        (
            "Hi, I'm a recruiter at Amazon and I'm building a network of cloud "
            "engineers. Happy to connect!"
        ),
    ),
    (
        "N",
        (
            "Hey Max, I'm a sales manager in the crypto space. Looking to connect with "
            "fellow professionals."
        ),
    ),
    (
        "N",
        ("Hi! I'm launching my career in growth marketing and would appreciate any tips."),
    ),
    (
        "N",
        ("We both work in renewable energy projects - would be great to exchange ideas."),
    ),
    ("N", "I enjoyed your webinar on data strategy yesterday, very insightful."),
    ("N", "Ich habe Ihren Vortrag auf YouTube gesehen und bin beeindruckt."),
    (
        "D",
        ("Hi Lisa,\n\nI'd like to add you to my professional network on LinkedIn.\n\n- Mark"),
    ),
    (
        "D",
        (
            "Sehr geehrter Herr Müller, ich möchte Sie gerne zu meinem beruflichen "
            "Netzwerk auf LinkedIn hinzufügen. Mit freundlichen Grüßen, Anna Schmidt"
        ),
    ),
    (
        "D",
        (
            "Bonjour Marc, J'aimerais vous inviter à rejoindre mon réseau "
            "professionnel en ligne, sur le site LinkedIn. Cordialement, Sophie"
        ),
    ),
    ("D", "Hola, me gustaría añadirte a mi red profesional en LinkedIn. Saludos"),
    (
        "D",
        ("Ciao Paolo, vorrei aggiungerti alla mia rete professionale su LinkedIn. Grazie!"),
    ),
    (
        "N",
        (
            "Hi Peter, I'm a software engineer with 8 years of experience in Python. "
            "Open to new opportunities in Munich."
        ),
    ),
    (
        "N",
        (
            "Hello, I work in procurement at BMW and I'm always happy to connect with "
            "people in supply chain."
        ),
    ),
    (
        "N",
        ("Hi! I help organise the PyData Berlin meetups, would love to have you in my network."),
    ),
    ("N", "Congrats on the new role at Adidas! Would love to connect."),
    (
        "N",
        (
            "Hi Mr. Klein, I'm currently writing my master thesis on ESG reporting and "
            "would appreciate a short exchange."
        ),
    ),
    ("N", "Hi, we have 23 mutual connections and I follow your posts about fintech."),
    ("N", "I'm a photographer based in Hamburg, love your work with brands!"),
    (
        "N",
        (
            "Hello, I'm an HR business partner and I'd like to grow my network in the "
            "pharma industry."
        ),
    ),
    (
        "N",
        (
            "Hi Julia, I'm moving to Zurich next month and would love to get to know "
            "people in the insurance sector."
        ),
    ),
    ("N", "Saw you're speaking at Slush next week - looking forward to your talk!"),
    (
        "N",
        ("Hey, we both went to University of Cologne, although years apart. Happy to connect."),
    ),
    ("N", "Hi, I noticed you're also passionate about sustainability. Let's connect!"),
    (
        "N",
        (
            "Good morning, I am a headhunter specialising in finance roles. Would you "
            "be open to hearing about opportunities?"
        ),
    ),
    (
        "N",
        (
            "Hi Tim, I lead the data team at a fintech startup and would value your "
            "perspective on MLOps."
        ),
    ),
    ("N", "Ich bin Quereinsteigerin in die IT und würde mich über Tipps freuen."),
    (
        "N",
        (
            "Hallo Herr Weber, ich verfolge Ihre Beiträge zu New Work schon länger und "
            "würde mich gerne vernetzen."
        ),
    ),
    (
        "N",
        ("Bonjour, je travaille dans le secteur bancaire et je souhaite élargir mon réseau."),
    ),
    ("N", "Hola, soy estudiante de ingeniería y me interesa mucho el sector energético."),
    ("N", "Hoi, ik werk ook in de logistiek en wil graag mijn netwerk uitbreiden."),
    (
        "N",
        ("Ciao, lavoro nel marketing digitale e mi farebbe piacere entrare in contatto."),
    ),
    ("N", "Olá, sou engenheira de software e gostaria de trocar experiências."),
    (
        "N",
        (
            "Hi Anna, we're hiring a Head of Product at Celonis. Would you be "
            "interested in a confidential chat?"
        ),
    ),
    (
        "N",
        (
            "Hi! I'm organising a charity run for children's hospitals next month and "
            "would love your support."
        ),
    ),
    ("N", "Hey Sam, I'm building my network ahead of my move into venture capital."),
    ("N", "I read your book on negotiation and it changed how I work. Thank you!"),
    (
        "N",
        (
            "Hi, our kids go to the same school in Pankow - I recognised your name on "
            "the parents' list."
        ),
    ),
    ("C", "Hi Marc, we played in the same football team in Lyon back in 2012!"),
    (
        "C",
        (
            "Hey Laura, I was in your Python workshop at the Berlin Data Week last "
            "Friday - thanks again."
        ),
    ),
    (
        "C",
        ("Hi Ahmed, your team supplied the lighting for our festival in June, great work."),
    ),
    (
        "C",
        ("Hello Grace, we shared a taxi to the airport after the Barcelona MWC, remember?"),
    ),
    ("C", "Hallo Lena, wir waren zusammen im Erasmus-Semester in Lissabon."),
    (
        "C",
        ("Hallo Herr Koch, Sie haben mich 2019 bei Siemens eingestellt, schön Sie hier zu finden."),
    ),
    ("C", "Bonjour Élise, nous étions dans la même promo à l'ESSEC."),
    ("C", "Hola Diego, hicimos juntos el curso de liderazgo en Barcelona."),
    ("C", "Ciao Sara, abbiamo condiviso l'ufficio a Milano per due anni!"),
    ("C", "Olá Beatriz, estudamos juntas na USP."),
    ("C", "Hoi Tom, we zaten samen in het projectteam bij ING."),
    (
        "A",
        ("Hi, I'm reaching out to offer you an exclusive partnership with our influencer network."),
    ),
    (
        "A",
        ("Hello, are you looking to outsource your customer support? We have 200 agents ready."),
    ),
    (
        "A",
        (
            "Hi Jan, I sell refurbished laptops in bulk to companies - happy to send "
            "you our price list."
        ),
    ),
    (
        "A",
        ("Hey! I'm a LinkedIn growth coach. I can help you get 10k followers in 3 months."),
    ),
    (
        "A",
        (
            "Guten Tag, wir sind eine Personalberatung und hätten passende Kandidaten "
            "für Ihre offenen Stellen."
        ),
    ),
    (
        "A",
        (
            "Bonjour, je suis consultant SEO freelance et je peux améliorer le "
            "référencement de votre site."
        ),
    ),
    (
        "A",
        ("Hola, vendemos material de oficina a precios mayoristas, ¿le envío el catálogo?"),
    ),
    (
        "A",
        ("Hi, my startup is raising a pre-seed round and I'd love to send you our deck."),
    ),
    (
        "S",
        (
            "Hello, I'm Captain James from the US Army, I have a business proposal "
            "worth $5.5M for you."
        ),
    ),
    (
        "S",
        ("Greetings, I have an investment plan with daily returns of 3%. Add me on WhatsApp."),
    ),
    (
        "N",
        (
            "Hi, I'm a product designer and we both follow the same design systems "
            "community. Would love to connect."
        ),
    ),
    (
        "N",
        ("Hello Maria, I'm the new Head of Sales at Zeiss and I'm building my network in optics."),
    ),
    ("N", "Hi, I work at a digital agency in Hamburg too, always nice to know peers."),
    (
        "N",
        ("Thanks for accepting! I'm curious how you made the switch from consulting to startups."),
    ),
    (
        "N",
        (
            "Dear Dr. Lang, I'm a PhD student in oncology and I'd be grateful for any "
            "advice on industry roles."
        ),
    ),
    (
        "N",
        (
            "Hi Ben, I'm in charge of partnerships at a nonprofit that supports "
            "refugees in tech. Would love to connect."
        ),
    ),
    (
        "N",
        ("I'm a freelance translator (EN/DE) and would be happy to connect with fellow linguists."),
    ),
    (
        "N",
        ("Hi Sophie, I saw you're also a volunteer firefighter - respect! Happy to connect."),
    ),
    (
        "N",
        ("Hello! We're hosting a free community meetup on Rust next week, you'd be very welcome."),
    ),
    ("N", "Hi, I offer my congratulations on your promotion!"),
    (
        "N",
        ("Hi Leo, I'm a founder myself and always like to connect with other founders in Berlin."),
    ),
    ("N", "Hey, I help run the local Toastmasters club. Would be nice to connect."),
    (
        "N",
        (
            "Hi Eva, I'm looking for a mentor in UX research. Would you be open to a "
            "short call sometime?"
        ),
    ),
    (
        "N",
        (
            "I'm a journalist at Handelsblatt writing about AI in banking. Would you "
            "be open to a short interview?"
        ),
    ),
    (
        "N",
        (
            "Hallo Frau Meier, ich bin neu in Köln und möchte mein Netzwerk in der "
            "Versicherungsbranche ausbauen."
        ),
    ),
    (
        "N",
        (
            "Hallo, ich leite ein kleines Team im Einkauf und interessiere mich für "
            "Ihre Erfahrungen mit SAP Ariba."
        ),
    ),
    ("N", "Bonjour, je suis à la recherche d'un stage de fin d'études en finance."),
    ("N", "Hola Lucía, vi tu charla en YouTube sobre liderazgo femenino, ¡me encantó!"),
    ("N", "Ciao, sono un ingegnere e sto cercando nuove opportunità in Germania."),
    ("N", "Hoi, ik ben zzp'er in de bouw en wil graag mijn netwerk vergroten."),
    (
        "N",
        ("Olá, sou recrutadora e gostaria de te conhecer melhor para futuras oportunidades."),
    ),
    (
        "N",
        (
            "Hi, I'm a startup founder building in climate tech. Would love to hear "
            "your thoughts on the market sometime."
        ),
    ),
    (
        "N",
        (
            "Hi Jan, I'm preparing for a career in sales and would love to learn from "
            "experienced people like you."
        ),
    ),
    (
        "C",
        (
            "Hi Nadia, it's Tom from the Zalando onboarding week in 2018 - we were in "
            "the same group!"
        ),
    ),
    (
        "C",
        ("Hello Simon, thank you for the great discussion after your lecture at HSG yesterday."),
    ),
    (
        "C",
        ("Hi Klaus, we collaborated on the EU Horizon proposal last year. Hope you're well."),
    ),
    ("C", "Hey Ana! Remember the hackathon in Porto? Our team won second place."),
    (
        "C",
        (
            "Hi Paul, I'm Jennifer's husband - she suggested we connect since we're "
            "both in logistics."
        ),
    ),
    ("C", "Hallo Markus, danke nochmal für das Mittagessen letzte Woche in Frankfurt!"),
    (
        "C",
        ("Bonjour Thomas, merci pour votre accueil chez Airbus lors de ma visite mardi."),
    ),
    ("C", "Hola Sergio, soy Marta, la de la reunión del martes con el equipo de Repsol."),
    (
        "C",
        ("Ciao Luca, grazie per il caffè di ieri a Bologna, è stato bello conoscerti di persona."),
    ),
    ("C", "Hi Yuki, we co-authored the paper on battery recycling in 2021."),
    (
        "C",
        ("Hey Jess, the crypto exchange we launched together in 2017 just got acquired, crazy!"),
    ),
    (
        "C",
        ("Hi Omar, great to reconnect - we worked on the growth team at Uber in Amsterdam."),
    ),
    (
        "A",
        (
            "Hi Nina, I'm with Salesforce. We're offering a 30% discount on Sales "
            "Cloud licenses this quarter."
        ),
    ),
    (
        "A",
        (
            "Hello, quick one: we're a boutique M&A advisory and have buyers looking "
            "for companies like yours."
        ),
    ),
    (
        "A",
        (
            "Hi, I'd like to invite you to our exclusive CFO roundtable - sponsored by "
            "our treasury platform."
        ),
    ),
    (
        "A",
        ("Hey, want more inbound leads? Our SEO agency can get you on page 1 of Google."),
    ),
    (
        "A",
        (
            "Hallo Herr Schmidt, ich möchte Ihnen eine Kooperation vorschlagen: Wir "
            "übernehmen Ihre gesamte Lohnbuchhaltung."
        ),
    ),
    (
        "A",
        (
            "Bonjour, nous développons des applications mobiles sur mesure pour les "
            "PME, puis-je vous envoyer nos références ?"
        ),
    ),
    (
        "A",
        ("Hola, te escribo porque nuestra herramienta reduce el churn un 25% en empresas SaaS."),
    ),
    (
        "A",
        ("Ciao, siamo una software house di Milano e sviluppiamo app su misura per aziende."),
    ),
    (
        "A",
        ("Olá, trabalho com gestão de tráfego pago e posso dobrar os seus leads em 60 dias."),
    ),
    (
        "A",
        (
            "Hoi, wij verzorgen complete IT-ondersteuning voor het mkb tegen een vaste "
            "prijs per maand."
        ),
    ),
    (
        "S",
        (
            "Hi dear, I'm a widow from Texas and I need a trustworthy person to help "
            "me invest my late husband's fortune."
        ),
    ),
    (
        "S",
        (
            "Hello, our company is recruiting online product testers, earn 200-500 USD "
            "daily, contact HR on WhatsApp."
        ),
    ),
    (
        "N",
        ("We built a community that brings founders and investors together every month in Munich."),
    ),
    ("N", "Hi Sam, I'd love to work together on something one day."),
    ("N", "Hope we can collaborate in the future!"),
    ("N", "Let's meet at Bits & Pretzels next week?"),
    (
        "N",
        (
            "Hi Carla, I'm a final-year student and I help run our university's "
            "consulting club. Would love your advice."
        ),
    ),
    (
        "N",
        (
            "Hi, I'm a recruiter specialised in tech. I have a few interesting roles "
            "that might match your background."
        ),
    ),
    (
        "N",
        ("Hallo, ich habe gesehen, dass Sie auch bei der IHK im Prüfungsausschuss sind."),
    ),
    (
        "N",
        ("Bonjour, je vois que nous avons plusieurs contacts en commun dans l'audiovisuel."),
    ),
    ("N", "Hola, también soy de Valencia y trabajo en el sector turístico."),
    ("N", "Ciao, anch'io lavoro nel settore moda a Milano, piacere di conoscerti!"),
    ("N", "Hoi, ik zag je presentatie op YouTube en vond het erg inspirerend."),
    ("N", "Olá, também sou da área de RH e gostaria de trocar ideias."),
    ("N", "Hi Tom, great profile! I'm also into product-led growth."),
    (
        "N",
        ("We're both speaking at the same panel in October - looking forward to meeting you!"),
    ),
    (
        "C",
        ("Hi Eva, we both spoke on the same panel at re:publica last May, great discussion."),
    ),
    ("C", "Hi Ravi, we went through the same Y Combinator batch in 2019."),
    (
        "C",
        ("Nice to finally put a face to the name after our Zoom calls with the Allianz team."),
    ),
    ("C", "Hey Fatima, thanks again for the intro to your CTO last week."),
    ("C", "Hi Georg, ich war letztes Jahr Praktikant in Ihrer Abteilung bei Bosch."),
    (
        "C",
        ("Salut Karim, on s'est vu à la soirée de lancement de Station F jeudi dernier."),
    ),
    ("C", "Hola Inés, gracias por la entrevista del viernes para el puesto de analista."),
    ("C", "Hoi Bram, leuk je gisteren te spreken op de borrel van Deloitte."),
    (
        "C",
        ("Ciao Fabio, grazie per avermi ospitato nel vostro ufficio di Roma la settimana scorsa."),
    ),
    ("C", "Oi Lucas, a gente trabalhou junto no projeto da Ambev em 2020!"),
    (
        "A",
        ("Hi Chris, we're offering founders like you a 3-month free trial of our legal platform."),
    ),
    (
        "A",
        ("Tired of chasing invoices? Our tool gets you paid 2x faster. Happy to show you."),
    ),
    (
        "A",
        ("Hi, I work with CEOs to build personal brands on LinkedIn. Mind if I share how?"),
    ),
    (
        "A",
        (
            "Quick question: who handles your IT security? We just helped a firm like "
            "yours avoid a ransomware attack."
        ),
    ),
    (
        "A",
        (
            "Hallo Frau Klein, wir haben eine neue Plattform für Zeiterfassung "
            "entwickelt, die perfekt zu Ihrem Team passen würde."
        ),
    ),
    (
        "A",
        ("Bonjour, pourrions-nous prévoir 20 minutes pour que je vous présente notre approche ?"),
    ),
    (
        "A",
        (
            "Hola, ¿tienes 15 minutos esta semana? Me gustaría enseñarte cómo "
            "automatizamos la facturación."
        ),
    ),
    ("A", "Hoi, mag ik je een vrijblijvende offerte sturen voor jullie schoonmaak?"),
    (
        "A",
        (
            "Ciao, ti andrebbe una call di 15 minuti per vedere come possiamo aiutarti "
            "a vendere di più?"
        ),
    ),
    (
        "A",
        ("Oi, posso te mostrar em 10 minutos como nossa plataforma reduz custos de frete?"),
    ),
    (
        "A",
        (
            "Hi Max, I'm raising funds for my fintech startup - would you be open to "
            "an intro call with our CEO?"
        ),
    ),
    (
        "S",
        (
            "Hi, I'm a crypto trader with 10 years of experience. Let me help you make "
            "$3,000 weekly."
        ),
    ),
    (
        "S",
        (
            "Gentile utente, abbiamo una posizione di lavoro da remoto, 150 euro al "
            "giorno, contattaci su WhatsApp."
        ),
    ),
    ("S", "Olá, invista R$ 200 e receba R$ 2.000 em 7 dias, garantido!"),
    (
        "S",
        ("Hallo, wir suchen Produkttester im Homeoffice, 25 € pro Stunde, keine Erfahrung nötig."),
    ),
    ("D", "Hi Sandra, \n\nI'd like to join your LinkedIn network.\n\nThanks,\nJoe"),
    (
        "D",
        (
            "Hallo Frau Becker,\nich möchte Sie gerne zu meinem beruflichen Netzwerk "
            "auf LinkedIn hinzufügen.\nBeste Grüße\nTim Vogel"
        ),
    ),
    (
        "N",
        (
            "Guten Tag Herr Braun, ich bin Einkäufer bei Lidl und würde mich freuen, "
            "mich mit Ihnen zu vernetzen."
        ),
    ),
    (
        "N",
        (
            "Hallo Anna, wir sind beide in der Gruppe 'Frauen in der IT' - ich würde "
            "mich gerne vernetzen."
        ),
    ),
    (
        "N",
        (
            "Hallo, ich suche nach meinem Studium eine Stelle im Controlling und würde "
            "mich über einen Austausch freuen."
        ),
    ),
    (
        "N",
        ("Bonjour Camille, je suis consultante en RH et je serais ravie d'échanger avec vous."),
    ),
    ("N", "Bonjour, nous partageons la même passion pour l'innovation durable."),
    ("N", "Hola Pedro, soy ingeniero de datos y me interesa tu experiencia en IA."),
    (
        "N",
        ("Buenas tardes, estaré en el Mobile World Congress la próxima semana, ¿nos vemos allí?"),
    ),
    (
        "N",
        ("Hoi Femke, ik volg je al een tijdje en vind je posts over duurzaamheid erg interessant."),
    ),
    ("N", "Beste Jan, ik ben op zoek naar een nieuwe uitdaging in de zorg."),
    ("N", "Ciao Marta, ho visto che lavori in Ferrari, è il mio sogno lavorare lì!"),
    (
        "N",
        ("Buongiorno, mi occupo di risorse umane e mi farebbe piacere ampliare la mia rete."),
    ),
    ("N", "Olá Carla, sou designer freelancer e admiro muito seu portfólio."),
    (
        "N",
        ("Bom dia, sou estudante de administração e gostaria de aprender com sua experiência."),
    ),
    ("N", "Hi Ben, I'm a fan of your newsletter on B2B marketing."),
    (
        "N",
        ("Hello, I'm an investor relations manager and I'm connecting with finance professionals."),
    ),
    ("N", "Hey, I saw that we both volunteer for Code for Germany. Nice!"),
    (
        "N",
        ("Hi, our company is sponsoring the same hackathon as yours next month, see you there!"),
    ),
    (
        "N",
        (
            "Hello Maria, I just started a new job as a sales rep at Miele and I'm "
            "building my network."
        ),
    ),
    (
        "C",
        ("Hallo Kerstin, schön, dass wir uns beim Kundentermin bei der Telekom gesehen haben."),
    ),
    ("C", "Hallo Jörg, danke für die tolle Zusammenarbeit beim Relaunch der Website!"),
    (
        "C",
        ("Bonjour Luc, c'était un plaisir de travailler avec toi sur le tournage à Marseille."),
    ),
    ("C", "Hola Andrea, fue un placer coincidir contigo en el congreso de Sevilla."),
    ("C", "Hoi Joost, fijn om je vorige week bij de klant in Eindhoven te zien."),
    ("C", "Ciao Paolo, ricordi il progetto per Enel? Lavoravamo nello stesso team."),
    ("C", "Oi Marina, que bom te reencontrar aqui! Trabalhamos juntas na Globo."),
    ("C", "Hi Robin, thanks for the great chat at the Pitch booth during OMR."),
    (
        "A",
        (
            "Hallo Herr Lang, haben Sie schon von unserer KI-Lösung für die "
            "Angebotserstellung gehört?"
        ),
    ),
    (
        "A",
        (
            "Bonjour, saviez-vous que 70% des PME perdent des clients faute de suivi ? "
            "Notre CRM règle ce problème."
        ),
    ),
    (
        "A",
        (
            "Hola, te contacto para proponerte una colaboración: gestionamos campañas "
            "de Google Ads con resultados garantizados."
        ),
    ),
    ("A", "Ciao, ti scrivo per proporti i nostri corsi di formazione per manager."),
    (
        "A",
        (
            "Olá, nossa agência cria sites profissionais a partir de R$ 999. Posso "
            "enviar um orçamento?"
        ),
    ),
    (
        "A",
        (
            "Hoi, heb je al eens nagedacht over het uitbesteden van je "
            "salarisadministratie? Wij nemen het graag van je over."
        ),
    ),
    (
        "A",
        ("Hi there, did you know you could cut your AWS bill by 40%? We do it for 200+ startups."),
    ),
    (
        "S",
        (
            "Dear friend, I am contacting you regarding a lucrative business "
            "opportunity that will benefit us both."
        ),
    ),
    (
        "S",
        (
            "Hallo, kontaktieren Sie mich über Telegram für ein exklusives Investment "
            "mit 20% monatlicher Rendite."
        ),
    ),
    (
        "N",
        (
            "Hi, I'm a sales director in the medtech space and always open to "
            "exchanging ideas with peers."
        ),
    ),
    (
        "N",
        (
            "Hello, I'm the CEO of a small logistics company in Bremen. Happy to "
            "connect with fellow entrepreneurs."
        ),
    ),
    (
        "N",
        ("Hi Julia, I noticed we both studied at WHU. I'm now in private equity in London."),
    ),
    ("N", "I'd like to offer my help if you ever need a translator for Japanese."),
    (
        "N",
        ("Hi, I run a podcast about founders and would love to have you as a guest sometime."),
    ),
    ("N", "Hello, do you have any openings for junior developers? I'd love to apply."),
    (
        "N",
        ("Hi Paul, I'm writing a book about remote work and looking for people to interview."),
    ),
    (
        "N",
        (
            "We're a team of students organising TEDxMunich and looking for speakers. "
            "Would you be interested?"
        ),
    ),
    (
        "N",
        ("Hi! Our startup just won the Handelsblatt award, thought you might find it interesting."),
    ),
    ("N", "Hi, I'm new to consulting and would love to hear how you grew your practice."),
    ("N", "Ich würde mich freuen, von Ihrer Erfahrung im Vertrieb zu lernen."),
    ("N", "Bonjour, je cherche un mentor dans le domaine de la cybersécurité."),
    (
        "N",
        ("Hola, soy periodista y estoy escribiendo sobre startups en Madrid, ¿podríamos hablar?"),
    ),
    (
        "N",
        (
            "Ciao, sto organizzando un evento per giovani imprenditori a Napoli, ti "
            "andrebbe di partecipare?"
        ),
    ),
    ("N", "Olá, sou mãe de dois e voltando ao mercado de trabalho em marketing."),
    ("N", "Hoi, ik ben net afgestudeerd en op zoek naar mijn eerste baan in finance."),
    (
        "C",
        (
            "Hi Tom, we built the growth engine at Delivery Hero together - would love "
            "to stay in touch."
        ),
    ),
    (
        "C",
        (
            "Hallo Chris, wir haben damals zusammen die Krypto-Plattform bei der "
            "Sparkasse aufgebaut."
        ),
    ),
    (
        "C",
        ("Hi Omar, we launched the free trial campaign together at HubSpot in 2019, good times!"),
    ),
    (
        "C",
        ("Bonjour Anne, nous avons lancé ensemble l'offre promotionnelle chez Carrefour en 2020."),
    ),
]


@pytest.mark.parametrize(("label", "note"), LABELLED)
def test_realistic_notes_are_read_by_what_they_do(label, note):
    reading = read(note)
    if label in "AS":
        assert reading.advertising or reading.scam, note
    elif label == "C":
        assert reading.context and not (reading.advertising or reading.scam), note
    elif label == "D":
        assert reading.is_default, note
    else:
        assert not (reading.context or reading.advertising or reading.scam), (note, reading)


# Pitch families that name no product word: a team introducing itself by what it delivers,
# a freelancer listing services and prices, staffing, lead promises with numbers, a hook
# question answered by "we", booking a demo or a slot.
PITCH_FAMILIES = [
    # a team or company introducing itself by what it offers
    ("We are a team of 45 designers in Kraków providing UX and UI design for startups.", "offer"),
    ("Our studio of 12 motion designers is offering explainer videos for SaaS brands.", "offer"),
    ("Unser Designteam in Porto realisiert Ihre Landingpages in zwei Wochen.", "offer"),
    ("Wir sind eine Agentur aus Köln, spezialisiert auf Performance-Marketing für Shops.", "offer"),
    ("Nous sommes une agence lyonnaise spécialisée dans le SEO local pour les artisans.", "offer"),
    ("Somos una empresa de Valencia especializada en software de logística.", "offer"),
    ("Wij zijn een bureau uit Utrecht, gespecialiseerd in Shopify-webshops.", "offer"),
    ("Siamo una software house di Torino specializzata in app per la logistica.", "offer"),
    ("Somos uma consultoria de Recife especializada em automação de processos.", "offer"),
    ("Onze ontwikkelaars in Polen bouwen uw webshop binnen een maand.", "offer"),
    ("Il nostro team in Albania sviluppa i tuoi gestionali su misura.", "offer"),
    # staffing
    ("Nous mettons à disposition des consultants SAP confirmés dès lundi.", "offer"),
    ("Wir vermitteln erfahrene Java-Entwickler aus Polen an Ihr Team.", "offer"),
    ("Benötigen Sie Verstärkung im Vertrieb? Wir haben Kandidaten bereit.", "offer"),
    ("Wij detacheren senior data engineers voor korte en lange trajecten.", "offer"),
    ("Ponemos a su disposición desarrolladores senior en menos de una semana.", "offer"),
    ("Mettiamo a disposizione sviluppatori Java certificati in tempi brevi.", "offer"),
    ("Disponibilizamos desenvolvedores sênior para projetos em nuvem.", "offer"),
    ("We supply vetted React engineers from Argentina, available in your time zone.", "offer"),
    ("Need extra QA engineers? We can start on Monday.", "offer"),
    # freelancers listing services and prices
    ("I'm a freelance video editor and create reels and YouTube edits in 48 hours.", "offer"),
    ("Freelance illustrator: book covers, mascots and icons, quick turnaround.", "offer"),
    ("Ich bin selbstständige Grafikerin und gestalte Logos und Flyer zu fairen Preisen.", "offer"),
    ("Je suis traductrice indépendante et je traduis vos contrats à prix abordables.", "offer"),
    ("Soy traductor autónomo y traduzco webs y contratos a precios económicos.", "offer"),
    ("Ik ben zzp'er en bouw WordPress-sites tegen scherpe tarieven.", "offer"),
    ("Sono una copywriter freelance e scrivo testi per e-commerce a prezzi contenuti.", "offer"),
    ("Sou fotógrafa freelancer e faço ensaios corporativos com preços acessíveis.", "offer"),
    # lead promises with numbers
    ("We book 15 to 25 qualified sales calls a month with HR directors.", "leads_growth"),
    ("Wir liefern jeden Monat 30 qualifizierte Termine mit Geschäftsführern.", "leads_growth"),
    ("Nous générons 40 rendez-vous qualifiés par mois pour les éditeurs SaaS.", "leads_growth"),
    ("Conseguimos 15 citas cualificadas al mes con directores de compras.", "leads_growth"),
    ("Wij genereren elke maand 20 afspraken met inkopers in de zorg.", "leads_growth"),
    ("Portiamo ogni mese 25 appuntamenti qualificati con responsabili acquisti.", "leads_growth"),
    ("Agendamos 30 reuniões qualificadas por mês com diretores de RH.", "leads_growth"),
    ("Would 8 extra clients a month make a difference for your practice?", "leads_growth"),
    # a hook question answered by "we"
    ("Quick one: how many demos do you book per week? We tripled that for Payfit.", "leads_growth"),
    ("Wie viele Anfragen bekommt ihr über eure Website? Wir verdoppeln das.", "leads_growth"),
    ("Combien de clients trouvez-vous via LinkedIn ? Nous avons une méthode.", "leads_growth"),
    ("¿Cuántos clientes te llegan por LinkedIn? Ayudamos a duplicarlos.", "leads_growth"),
    ("Hoeveel leads haal je uit je website? Wij verdubbelen dat.", "leads_growth"),
    ("Quanti clienti ti arrivano da LinkedIn? Noi li raddoppiamo.", "leads_growth"),
    ("Quantos clientes você recebe pelo Instagram? Nós triplicamos isso.", "leads_growth"),
    # a product plus booking a demo or a slot
    ("Our app plans shifts for clinics. Book your demo below.", "pitch_call"),
    ("Pick a slot that suits you, the walkthrough takes 20 minutes.", "pitch_call"),
    ("Unser Tool erstellt Dienstpläne. Buchen Sie hier direkt eine Demo.", "pitch_call"),
    ("Notre logiciel gère vos plannings : réservez votre démo en 2 clics.", "pitch_call"),
    ("Nuestra app gestiona turnos. Agenda una demo cuando quieras.", "pitch_call"),
    ("Onze software plant diensten. Boek een demo via onze site.", "pitch_call"),
    ("La nostra piattaforma gestisce i turni. Prenota una demo gratuita.", "pitch_call"),
    ("Nossa plataforma organiza escalas. Agende uma demonstração hoje.", "pitch_call"),
    ("Short demo of the dashboard: calendly.com/acme-sales/20min", "pitch_call"),
]
# Further pitches in other words, checked by whether they read as a pitch at all.
MORE_PITCHES = [
    "I help agencies like yours cut production costs by 30%. Open to a quick call next week?",
    "We're raising a $3M seed for our AI bookkeeping tool and have a few spots left for angels.",
    "Happy to run a free SEO audit of your site, no strings attached.",
    "I have a verified list of 5,000 HR directors in France, interested?",
    "Our AI SDR books 30 meetings a month on autopilot. Want to see how?",
    "Ich helfe Steuerberatern, mehr Mandanten über LinkedIn zu gewinnen.",
    "Kostenloser Website-Check für Ihr Unternehmen – Interesse?",
    "Nous aidons les cabinets comptables à gagner 10h par semaine.",
    "Ayudo a coaches a llenar su agenda con clientes ideales.",
    "Wij helpen installateurs aan 20 nieuwe klanten per maand.",
    "Aiuto i consulenti a trovare clienti con LinkedIn.",
    "Ajudo médicos a lotar a agenda com pacientes particulares.",
    "We're a 60-person dev shop in Lviv providing QA and test automation for fintechs.",
    "Our engineers in Cairo take care of your backend while you focus on sales.",
    "Looking for extra Python developers? We can place them within 10 days.",
    "I'm a freelance photographer, I shoot headshots and events, competitive rates.",
    "Freelance translator: German, French, Spanish, fast delivery guaranteed.",
    "We set 20+ qualified appointments per month for solar installers.",
    "How many inbound leads does your website bring each month? We can triple that.",
    "Our scheduling app saves clinics hours. Book a demo here: calendly.com/x/demo",
    "Wir sind ein Team aus 40 Entwicklern in Sofia und bieten Nearshore-Entwicklung an.",
    "Brauchen Sie kurzfristig SAP-Berater? Wir stellen Ihnen geprüfte Experten zur Verfügung.",
    "Ich bin selbstständiger Fotograf und fotografiere Events zu günstigen Preisen.",
    "Wir generieren monatlich 15 Termine mit Einkaufsleitern für Sie.",
    "Nous sommes une équipe de 25 développeurs à Casablanca proposant du développement web.",
    "Je suis graphiste freelance et je conçois vos logos à prix mini.",
    "Réservez votre créneau ici pour une démo de 15 minutes.",
    "Somos un equipo de 30 desarrolladores en Medellín ofreciendo desarrollo web a medida.",
    "¿Necesitas programadores senior? Te los enviamos en una semana.",
    "Wij zijn een team van 15 developers in Porto en bouwen uw apps.",
    "Ik ben freelance vormgever en ontwerp logo's tegen betaalbare prijzen.",
    "Siamo un team di 20 sviluppatori a Tirana e sviluppiamo app per le aziende.",
    "Hai bisogno di sviluppatori Java? Li mettiamo a disposizione in 5 giorni.",
    "Somos uma equipe de 40 desenvolvedores em Recife e oferecemos desenvolvimento sob medida.",
    "Precisa de desenvolvedores? Alocamos profissionais em 48 horas.",
]

# Shared experience told without the usual verbs, in every language.
CONTEXT_FAMILIES = [
    # a past meeting at a named event or place
    (
        "Hallo Svenja, es hat mich gefreut, dich auf dem Barcamp in Hamburg kennenzulernen.",
        "met_at",
    ),
    ("War super, Sie bei der Hausmesse von Festo zu treffen!", "met_at"),
    ("Ravi d'avoir fait votre connaissance au salon Big Data de Paris.", "met_at"),
    ("Encantado de conocerte en la cena de antiguos alumnos de ESADE.", "met_at"),
    ("Leuk kennis met je gemaakt te hebben op de Appsterdam meetup.", "met_at"),
    ("Piacere di averti conosciuta al Codemotion di Milano!", "met_at"),
    ("Prazer em te conhecer no RD Summit, adorei a conversa.", "met_at"),
    # a shared memory
    ("Remember the demo that crashed five minutes before the Lufthansa pitch?", "worked_together"),
    ("Weißt du noch, wie wir bei Bosch die halbe Nacht Folien gebaut haben?", "worked_together"),
    ("Tu te souviens de notre stand qui s'est effondré au salon de Lyon ?", "worked_together"),
    ("¿Te acuerdas de la mudanza de la oficina de Glovo?", "worked_together"),
    ("Weet je nog, die verhuizing van het kantoor van Coolblue?", "worked_together"),
    ("Ti ricordi il trasloco dell'ufficio di Yoox?", "worked_together"),
    ("Lembra daquela mudança de escritório da Nubank?", "worked_together"),
    # a business relation with a role
    ("I was your account manager at Adyen when you launched in Spain.", "business_relation"),
    ("I was the sound engineer on your crew for the Arte documentary.", "business_relation"),
    ("Ich war beim Relaunch Ihrer Website Ihr Projektleiter bei der Agentur.", "business_relation"),
    ("J'étais ton chef de projet chez Accenture pour la refonte du CRM.", "business_relation"),
    ("Fui tu consultora de Deloitte en la auditoría de 2021.", "business_relation"),
    ("Ik was je projectleider bij Capgemini tijdens de overstap naar Azure.", "business_relation"),
    ("Ero la tua consulente per KPMG durante la due diligence.", "business_relation"),
    ("Fui a sua consultora pela EY no projeto de reestruturação.", "business_relation"),
    # thanks for something done together
    ("Thanks again for the lift to the station after the offsite!", "met_at"),
    ("Vielen Dank für das leckere Abendessen am Freitag!", "met_at"),
    ("Merci pour l'apéro de jeudi, c'était sympa.", "met_at"),
    ("Gracias por el café del martes, me fue muy útil.", "met_at"),
    ("Bedankt voor de gezellige lunch van dinsdag!", "met_at"),
    ("Grazie per il passaggio all'aeroporto ieri sera.", "met_at"),
    ("Obrigado pela carona até o aeroporto na sexta.", "met_at"),
    # informal "worked together" verbs and studied together
    ("On travaillait ensemble chez Orange, au service client.", "worked_together"),
    ("Trabajábamos juntos en Inditex, en el equipo de compras.", "worked_together"),
    ("A gente trabalhava junto na Ambev, lembra?", "worked_together"),
    ("We werkten bij ING op dezelfde afdeling.", "worked_together"),
    ("We used to work together at Rocket Internet.", "worked_together"),
    ("Wir saßen im Bachelor zusammen in der Statistik-Übung.", "worked_together"),
    # an introduction by a named person
    ("Julia Weber introduced us at the board dinner.", "introduced_by"),
    ("Clara Moreau nous a présentés lors du séminaire.", "introduced_by"),
    ("Pablo Ruiz nos presentó en la boda de Ana.", "introduced_by"),
    ("Sanne de Vries heeft ons aan elkaar voorgesteld.", "introduced_by"),
    ("Giulia Conti ci ha presentati alla conferenza.", "introduced_by"),
    ("O Rafael Lima sugeriu que eu falasse com você sobre o projeto.", "introduced_by"),
    ("Markus Hahn hat uns beim Sommerfest vorgestellt.", "introduced_by"),
]
MORE_CONTEXT = [
    "Hi Lena, it was great chatting with you at the Slush afterparty.",
    "We sat at the same table at the Forbes dinner in Munich.",
    "Thanks for having me on your podcast last week!",
    "Thanks for the intro to your CFO last month.",
    "You gave me my first job at Ogilvy in 2012.",
    "I was in your cohort at the Y Combinator batch W19.",
    "We played in the company football team at SAP together.",
    "Good to see you again at the board meeting yesterday.",
    "We shared a desk at the WeWork on Friedrichstraße for a year.",
    "Thanks for the coffee this morning, loved hearing about the new role.",
    "Schön, dass wir uns gestern auf dem Sommerfest unterhalten haben.",
    "Ich war dein Mentor im Startup-Programm der IHK.",
    "Wir haben gemeinsam im Chor gesungen, erinnerst du dich?",
    "Nous étions voisins de bureau chez Ubisoft.",
    "C'était sympa de discuter avec toi au dîner de Station F hier soir.",
    "Merci pour la visite de l'usine mardi dernier.",
    "Gracias por invitarme a la cena del viernes, lo pasé genial.",
    "Estuvimos en el mismo equipo de fútbol en la universidad.",
    "Fijn dat we elkaar gisteren spraken op de netwerkborrel.",
    "Wij hebben samen in het bestuur van de studievereniging gezeten.",
    "È stato bello chiacchierare con te alla cena di ieri.",
    "Abbiamo giocato nella stessa squadra di calcetto aziendale.",
    "Foi ótimo conversar com você no evento da Endeavor ontem.",
    "Fomos vizinhos de mesa na Stone por dois anos.",
    "Nice meeting you at the PyCon booth on Friday, Sam!",
    "So nice to meet you at Hannah's wedding last weekend.",
    "Thanks for the beers after the hackathon!",
    "Remember when we missed the last train after the Munich offsite?",
    "I was your landlord in Kreuzberg back in 2015.",
    "Es war toll, dich beim Hackathon der Bahn in Frankfurt kennenzulernen.",
    "Weißt du noch, unser Umzug ins neue Büro bei Zalando?",
    "Danke nochmal für den Kaffee am Montag!",
    "J'ai été ravi de faire ta connaissance lors du dîner d'Alumni HEC.",
    "Merci pour le covoiturage depuis Nantes hier !",
    "On était dans la même équipe chez Decathlon.",
    "Fue un placer conocerte en el Mobile World Congress.",
    "¿Te acuerdas de la fiesta de fin de año en Telefónica?",
    "Fui su proveedor de catering en la boda de su hermana.",
    "Leuk je gisteren te spreken op de borrel van ABN AMRO.",
    "Weet je nog, de kerstborrel bij Philips?",
    "Grazie ancora per l'aperitivo di venerdì!",
    "Ero il tuo responsabile in Enel nel 2018.",
    "Lembra da festa de fim de ano na Natura?",
    "Obrigada pelo almoço de ontem, foi ótimo conversar.",
]

# Notes that look like the families above but only plan, admire, describe or look for work.
FAMILY_NOT_ADVERTISING = [
    "I'm a freelance designer and would love to connect with people in fintech.",
    "I'm a freelance web design consultant based in Porto.",
    "I work at an agency specialising in SEO and enjoy your posts.",
    "Ich bin freiberufliche Texterin und freue mich über Austausch.",
    "Je suis développeuse freelance et je cherche une nouvelle mission.",
    "Soy diseñadora freelance y busco proyectos en Madrid.",
    "Ik ben zzp'er en op zoek naar nieuwe opdrachten in Utrecht.",
    "Sono una grafica freelance e cerco nuove collaborazioni.",
    "Sou designer freelancer e estou procurando novos desafios.",
    "We are a team of 20 engineers at Zalando and we are hiring.",
    "Lass uns mal einen Termin vereinbaren, um über die Konferenz zu sprechen.",
    "Vamos marcar um horário para um café?",
    "How many people attended your talk? It sounded great.",
    "Ich bin ab sofort kurzfristig verfügbar für eine Festanstellung.",
    "Ik ben direct inzetbaar als projectmanager.",
    "Obrigada pela ligação de hoje de manhã. Como combinamos, vou enviar a proposta.",
]

# Job seekers, recruiters with a job, readers of a post, plans and invitations.
MORE_NEITHER = [
    "Thanks for the great content, your posts on pricing are gold.",
    "Thanks for the inspiration, your keynote video was great.",
    "Danke für die Inspiration, Ihr Vortrag auf YouTube war klasse.",
    "Merci pour vos conseils partagés sur LinkedIn.",
    "Gracias por compartir tanto contenido útil.",
    "Bedankt voor het delen van je kennis.",
    "Grazie per i tuoi contenuti sempre interessanti.",
    "Obrigado pelo conteúdo incrível que você compartilha.",
    "Would be great to meet for coffee when I'm in Berlin next month.",
    "Ich würde mich freuen, Sie beim nächsten Stammtisch kennenzulernen.",
    "J'espère avoir l'occasion de faire votre connaissance au prochain salon.",
    "Me encantaría conocerte en el próximo evento de Startup Grind.",
    "Hopelijk maken we snel kennis op de volgende borrel.",
    "Spero di conoscerti alla prossima cena del club.",
    "Espero te conhecer no próximo encontro da comunidade.",
    "Remember: consistency beats talent. Loved your post!",
    "Weißt du, was mir an deinem Beitrag gefällt? Die Klarheit.",
    "I'm a fan of your team, you build amazing products.",
    "Our company is growing and I'd like to connect with leaders in HR.",
    "We are a team of passionate engineers at Spotify, I'd love to hear your thoughts on our blog.",
    "Fui seleccionado para el programa de liderazgo, me encantaría conectar.",
    "I was a speaker at the same event as you but we did not get to talk.",
    "Estoy en el mismo grupo de LinkedIn que tú, conectemos.",
    "Zitten we in dezelfde LinkedIn-groep? Leuk om te connecten.",
    "Siamo nello stesso gruppo di alumni, colleghiamoci.",
    "Trabajamos en el mismo sector, ¿conectamos?",
    "Trabalhamos no mesmo setor, vamos nos conectar?",
    "Nous travaillons dans le même secteur, connectons-nous.",
    "Wir arbeiten in der gleichen Branche, lass uns vernetzen.",
    "Lavoriamo nello stesso settore, colleghiamoci.",
    "We werken in dezelfde branche, laten we connecten.",
    "We work in the same industry, let's connect.",
    "I have a list of 10 books I recommend to every new manager.",
    "I'm a big fan of your podcast, would love to connect.",
    "I lead a team of 30 engineers at SAP and enjoyed your talk on Kubernetes.",
    "I'm hiring a senior backend engineer for our team in Berlin, would you be open to a chat?",
    "We are a small team of 5 developers building an open-source tool, would love your feedback.",
    "Our team loved your workshop, thank you for sharing your slides.",
    "How many people were at the meetup? I'm thinking of joining next time.",
    "Do you remember the name of the speaker from the AI panel? I forgot it.",
    "Thanks for the dinner invitation, sadly I can't make it next week.",
    "I'm a freelance journalist and write about climate tech, would love to connect.",
    "Ich bin freiberuflicher Journalist und schreibe über Mobilität, gerne vernetzen.",
    "Je suis consultante indépendante et je cherche à élargir mon réseau.",
    "Soy consultor independiente y me gustaría conectar contigo.",
    "Sono un fotografo freelance e mi piacerebbe collegarmi con te.",
    "Sou consultor autônomo e gostaria de me conectar.",
    "Ik ben freelance fotograaf en wil graag connecten.",
    "Ich suche Entwickler für mein Team bei Siemens, hast du Tipps?",
    "Estoy buscando desarrolladores para mi startup, ¿conoces a alguien?",
    "Stiamo cercando sviluppatori per il nostro team, conosci qualcuno?",
    "Our company was founded in 1990 and I am proud to work there.",
    "I'm a recruiter at Google and I place engineers in our cloud team.",
    "Wir suchen für unseren Kunden einen Senior Controller (m/w/d) in München.",
    "Je recrute un développeur Java pour une banque à Paris, ça vous intéresse ?",
    "Estou recrutando um gerente de projetos para uma empresa em São Paulo.",
    "Sto cercando un project manager per un'azienda di Bologna.",
    "Ik zoek een data engineer voor een klant in Eindhoven.",
    "Busco un jefe de proyecto para una empresa en Bilbao.",
    "Great talk at the conference! I was in the audience.",
    "I read your article about pricing, our company struggles with the same.",
    "Gostei muito do seu post sobre liderança.",
    "Ho letto il tuo articolo sul lavoro da remoto.",
    "Bedankt voor je inspirerende post over leiderschap.",
    "Danke für deinen Beitrag über Remote-Arbeit.",
    "Merci pour votre article sur le management.",
    "Gracias por tu publicación sobre liderazgo.",
    "Thanks for your post on hiring, very insightful.",
    "We both work in logistics, let's connect.",
    "Wir arbeiten beide in der Logistik, lass uns vernetzen.",
    "I'm your new neighbour on the 3rd floor of the coworking.",
    "I'd love to book a coffee with you sometime to learn about your path.",
    "Would love to pick your brain over coffee next month.",
    "I was a speaker at the same conference last year, but we never met.",
    "Ich war auch auf der Messe, leider haben wir uns verpasst.",
    "Hoeveel jaar werk je al in de zorg? Ik ben benieuwd naar je ervaring.",
    "Combien de temps as-tu passé chez Google ? Je prépare une reconversion.",
    "Quanti anni hai lavorato in Ferrari? Sono uno studente.",
    "I'm organising a charity run, would you like to join?",
]

FAMILY_NO_CONTEXT = [
    "Leuk om je daar te ontmoeten op het Digital Event in oktober!",
    "Encantado de conocerte, me encantaría conectar.",
    "I was a consultant at Deloitte for five years before founding my company.",
    "Ich war sehr erfreut über Ihre Kontaktanfrage.",
    "Ik ben uw nieuwe contactpersoon bij Vattenfall.",
    "Ich freue mich, Sie auf der Hannover Messe kennenzulernen.",
    "Je serais ravi de faire votre connaissance au salon.",
    "Spero di conoscerti al Salone del Mobile.",
    "Espero conhecer você no Web Summit Rio.",
]


@pytest.mark.parametrize(("note", "kind"), PITCH_FAMILIES)
def test_a_pitch_is_recognised_by_its_family_in_every_language(note, kind):
    reading = read(note)
    assert kind in kinds(reading.advertising), (note, reading.advertising)


@pytest.mark.parametrize(("note", "kind"), CONTEXT_FAMILIES)
def test_shared_experience_is_recognised_by_its_family_in_every_language(note, kind):
    reading = read(note)
    assert kind in kinds(reading.context), (note, reading.context)
    assert not reading.advertising, (note, reading.advertising)


@pytest.mark.parametrize("note", FAMILY_NOT_ADVERTISING)
def test_a_freelancer_a_plan_or_a_job_search_is_no_pitch(note):
    reading = read(note)
    assert reading.advertising == () and reading.scam == (), (note, reading)


@pytest.mark.parametrize("note", FAMILY_NO_CONTEXT)
def test_plans_careers_and_requests_are_no_shared_experience(note):
    reading = read(note)
    assert reading.context == (), (note, reading.context)


def test_a_proposal_agreed_on_a_call_is_no_pitch():
    reading = read("Obrigada pela ligação de hoje, Ana. Como combinamos, envio a proposta aqui.")
    assert kinds(reading.context) == {"call_had"}
    assert reading.advertising == ()
    assert kinds(read("Posso enviar-lhe um orçamento gratuito para o seu site?").advertising)


@pytest.mark.parametrize("note", MORE_PITCHES)
def test_more_pitches_in_other_words_are_recognised(note):
    reading = read(note)
    assert reading.advertising, note


@pytest.mark.parametrize("note", MORE_CONTEXT)
def test_more_shared_experiences_in_other_words_are_recognised(note):
    reading = read(note)
    assert reading.context and not reading.advertising, (note, reading)


@pytest.mark.parametrize("note", MORE_NEITHER)
def test_job_searches_recruiting_posts_and_invitations_are_neither(note):
    reading = read(note)
    assert not (reading.advertising or reading.scam or reading.context), (note, reading)


def test_a_quote_the_reader_asked_for_on_a_call_is_no_pitch():
    asked = read("Thanks for the call this morning. As agreed, I'll send you a quote today.")
    assert kinds(asked.context) == {"call_had"}
    assert asked.advertising == ()
    cold = read("Hi Tom, can I send you a free quote for your new website?")
    assert kinds(cold.advertising) >= {"proposal"}
    assert kinds(read("Posso enviar-lhe um orçamento para o seu site?").advertising) == {"proposal"}


@pytest.mark.parametrize(
    "note",
    [
        "Hallo Lisa, wir haben 2019 bei Siemens im selben Projektteam gearbeitet.",
        "Wir hatten damals in der gleichen Abteilung bei Bosch angefangen.",
    ],
)
def test_the_german_perfect_with_the_same_team_is_context(note):
    assert [e.kind for e in READER.read(note).context] == ["worked_together"]


def test_a_quote_ends_at_the_end_of_a_word():
    (evidence,) = READER.read("Hi Lisa, we were in the same project team at Siemens.").context
    assert evidence.quote.endswith(("the", "same", "team", "project", "Siemens"))
