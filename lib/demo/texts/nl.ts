import type { LanguagePack } from "./types";

export const nl: LanguagePack = {
  language: "nl",
  airline: {
    requests: [
      "Hoi, bij mijn vlucht {flight} staat in de app 'schemawijziging'. Hoe laat vertrekken we nu?",
      "Hoeveel kilo ruimbagage mag ik meenemen met een Economy Light-ticket naar {city}?",
      "Mag mijn kat mee in de cabine? Met reismand ongeveer 6 kilo, vlucht {flight}",
      "-|Mijn koffer is niet aangekomen in {city} na {flight}. Melding gedaan ({code}), hoe lang duurt het zoeken meestal?",
      "Verkeerde datum geboekt ({code}). Kan ik omboeken zonder het hele tariefverschil te betalen?",
      "-|Wacht al 6 weken op mijn terugbetaling van €{amount} voor de geannuleerde vlucht van {date}. Bij wie moet ik zijn?",
      "Online inchecken lukt niet: 'passagiersgegevens onvolledig', boeking {code}. Wat nu?",
      "Heeft {flight} vertraging? Op het bord staat niks en bij de gate is niemand",
      "Kan ik rolstoelassistentie aanvragen voor mijn moeder? {city} – {city2} op {date}",
      "Hoe groot mag de handbagage zijn? Kan een rugzak van 40x30x20 als persoonlijk item?",
    ],
    complaints: [
      "3 uur op het platform in {city} en niemand van {brand} vertelt ons IETS. Vlucht {flight}. Schandalig.",
      "Vlucht {flight} 2 uur voor vertrek geannuleerd, geen hotel, geen maaltijdbon, niks. Mijn advocaat neemt contact op.",
      "Voor de TWEEDE keer dit jaar mijn koffer kwijt. {brand}, jullie zijn een grap. Dossier {code}",
      "Ach, weer een 'kleine vertraging' van 4 uur. Dank je {brand}, betrouwbaar als altijd 🙃",
      "Terugbetaling 'binnen 7 dagen'. Inmiddels 3 maanden verder. Ik stap naar de Geschillencommissie en RTL Nieuws.",
    ],
    noise: [
      "+|Zachtste landing ooit op {flight}, complimenten aan de gezagvoerder! ✈️",
      "{friend} volgende zomer {city}?? 🏝️",
      "+|De crew op onze vlucht naar {city} was top, bedankt!!",
    ],
    dm: [
      "Hoi, over mijn reactie: boekingscode {code}, vlucht {flight} op {date}.",
      "Hierbij de gegevens: {code}. Ik vlieg om {time}, graag snel checken",
    ],
    answers: [
      "Hoi {name}, bedankt voor je bericht! {flight} vertrekt volgens de huidige planning om {time}. Goede vlucht! ^{agent}",
      "Hoi {name}, extra bagage kun je tot 3 uur voor vertrek toevoegen via 'Mijn reizen' — goedkoper dan op het vliegveld. ^{agent}",
      "Hoi {name}, vervelend! Onze bagagedienst zoekt je koffer; binnen 48 uur krijg je een update per e-mail. ^{agent}",
    ],
    dmAsk: [
      "Hoi {name}, wat vervelend om te horen. Wil je ons een DM sturen met je boekingscode? Dan zoeken we het uit. ^{agent}",
      "{name}, het spijt ons. Deel hier geen persoonlijke gegevens, maar stuur ons een privébericht met je boekingscode. ^{agent}",
    ],
    dmOpen: [
      "Hoi {name}, {agent} hier van {brand}, naar aanleiding van je reactie. Wil je je boekingscode met me delen?",
    ],
    dmAnswers: [
      "Dank je {name}. Boeking {code} gevonden: de terugbetaling van €{amount} is aangevraagd, binnen 7 werkdagen op je rekening. ^{agent}",
      "Dank je! Je koffer is gevonden en wordt morgen tussen 9 en 14 uur thuisbezorgd. ^{agent}",
    ],
  },
  requests: [
    "-|De {brand}-app crasht steeds als ik mijn profiel open. Al opnieuw geïnstalleerd",
    "Ik kan niet inloggen, de mail om mijn wachtwoord te resetten komt niet aan",
  ],
  noise: [
    "+|Jullie zijn geweldig ❤️",
    "{friend} kijk!! 😍",
    "{friend} {friend2} dit moeten we doen",
    "eerste 🙌",
    "Verdien €5.000 per week vanuit huis! Klik op {url} 💰",
    "+|Fijn weekend allemaal! ☀️",
    "haha {friend}",
    "+|Top service, dank jullie wel!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Doe mee! Volg jullie en heb {friend} getagd 🙏", "+|Zou dit zo graag winnen! {friend}"],
  followUps: ["Al nieuws?", "-|Hallo?? Ik wacht nog steeds op antwoord", "-|Al een uur verder. Is daar iemand?"],
  thanks: ["+|Dank je, daar heb ik wat aan!", "+|Top, bedankt voor het snelle antwoord 🙏", "0|Ok, dank je"],
  crowd: ["{friend} haha precies", "eens 👆", "-|Zelfde ervaring helaas", "😂😂"],
  replyThanks: ["Heel erg bedankt, {name}! 💙 ^{agent}", "Wat leuk om te horen, {name}! We geven het door aan de crew 😊 ^{agent}"],
  automated: ["Bedankt voor je bericht! We hebben het ontvangen en reageren zo snel mogelijk."],
  names: {
    first: ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sophie", "Bram", "Fleur", "Thijs", "Lotte", "Jesse", "Sanne"],
    last: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Mulder", "de Boer"],
  },
  slots: { city: ["Amsterdam", "Barcelona", "Curaçao", "Lissabon", "Rome", "Parijs", "Bali", "Kaapstad"] },
};
