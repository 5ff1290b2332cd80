import type { LanguagePack } from "./types";

export const fr: LanguagePack = {
  language: "fr",
  airline: {
    requests: [
      "Bonjour, mon vol {flight} affiche « changement d'horaire » dans l'appli. Quelle est la nouvelle heure de départ ?",
      "Combien de kilos de bagage en soute avec un billet Economy Light pour {city} ?",
      "Est-ce que je peux prendre mon chat en cabine ? 6 kg avec la caisse, vol {flight}",
      "-|Ma valise n'est jamais arrivée à {city} après le vol {flight}. Dossier {code} ouvert, combien de temps prennent les recherches ?",
      "Je me suis trompé de date en réservant ({code}). Est-ce possible de changer sans payer toute la différence ?",
      "-|Ça fait 6 semaines que j'attends le remboursement de {amount} € pour le vol annulé du {date}. À qui dois-je m'adresser ?",
      "L'enregistrement en ligne plante avec « données passager incomplètes », réservation {code}. Que faire ?",
      "Le {flight} est retardé ? Rien sur l'écran et personne à la porte",
      "Peut-on demander une assistance fauteuil roulant pour ma mère ? {city} – {city2} le {date}",
    ],
    complaints: [
      "3 heures sur le tarmac à {city} et personne chez {brand} ne nous dit RIEN. Vol {flight}. Honteux.",
      "Vol {flight} annulé 2 heures avant le départ, pas d'hôtel, pas de bon repas, rien. Mon avocat va vous contacter.",
      "Deuxième valise perdue cette année. Bravo {brand}, vraiment du grand art 🙃 Dossier {code}",
      "Remboursement « sous 7 jours ». Trois mois plus tard, toujours rien. Je saisis le médiateur et j'en parle à la presse.",
    ],
    noise: [
      "+|Atterrissage tout en douceur sur le {flight}, bravo au commandant ! ✈️",
      "{friend} l'été prochain à {city} ?? 🏝️",
      "+|Équipage au top sur notre vol pour {city}, merci !!",
    ],
    dm: [
      "Bonjour, suite à mon commentaire : réservation {code}, vol {flight} du {date}.",
      "Voici les infos : {code}. Je décolle à {time}, merci de vérifier rapidement",
    ],
    answers: [
      "Bonjour {name}, merci pour votre message ! Le {flight} est actuellement prévu au départ à {time}. Bon vol ! ^{agent}",
      "Bonjour {name}, vous pouvez ajouter un bagage dans « Mes voyages » jusqu'à 3 h avant le départ, c'est moins cher qu'à l'aéroport. ^{agent}",
      "Bonjour {name}, désolés pour ce désagrément. Le service bagages recherche votre valise, vous aurez des nouvelles par e-mail sous 48 h. ^{agent}",
    ],
    dmAsk: [
      "Bonjour {name}, nous sommes désolés. Pourriez-vous nous envoyer votre code de réservation en message privé ? Nous allons regarder. ^{agent}",
      "{name}, toutes nos excuses. Ne partagez pas vos données ici : écrivez-nous en MP avec votre numéro de réservation. ^{agent}",
    ],
    dmOpen: [
      "Bonjour {name}, ici {agent} de {brand}, suite à votre commentaire. Pouvez-vous me donner votre code de réservation ?",
    ],
    dmAnswers: [
      "Merci {name}. Réservation {code} trouvée : le remboursement de {amount} € est lancé, comptez 7 jours ouvrés. ^{agent}",
      "Merci ! Votre valise a été retrouvée, elle sera livrée demain entre 9 h et 14 h. ^{agent}",
    ],
  },
  requests: [
    "-|L'appli {brand} plante dès que j'ouvre mon profil. Déjà réinstallée",
    "Je n'arrive pas à me connecter, l'e-mail de réinitialisation du mot de passe n'arrive jamais",
  ],
  noise: [
    "+|Je vous adore ❤️",
    "{friend} regarde !! 😍",
    "{friend} {friend2} on doit faire ça",
    "premier 🙌",
    "Gagnez 5 000 € par semaine depuis chez vous ! Cliquez ici {url} 💰",
    "+|Bon week-end à tous ! ☀️",
    "mdr {friend}",
    "+|Service au top, merci !",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Je participe ! Abonnée et j'invite {friend} 🙏", "+|J'adorerais gagner ! {friend}"],
  followUps: ["Des nouvelles ?", "-|Allô ?? J'attends toujours une réponse", "-|Ça fait une heure. Il y a quelqu'un ?"],
  thanks: ["+|Merci, ça m'aide beaucoup !", "+|Super, merci pour la réponse rapide 🙏", "0|Ok merci"],
  crowd: ["{friend} pareil haha", "d'accord 👆", "-|Même expérience, malheureusement", "😂😂"],
  replyThanks: ["Merci beaucoup, {name} ! 💙 ^{agent}", "Ça fait plaisir, {name} ! On transmet à l'équipage 😊 ^{agent}"],
  automated: ["Merci pour votre message ! Nous l'avons bien reçu et vous répondrons dans les meilleurs délais."],
  names: {
    first: ["Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Jules", "Inès", "Arthur", "Zoé"],
    last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Fournier"],
  },
  slots: { city: ["Amsterdam", "Nice", "Lisbonne", "Rome", "Montréal", "Marrakech", "New York", "Barcelone"] },
};
