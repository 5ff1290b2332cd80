import type { LanguagePack } from "./types";

export const it: LanguagePack = {
  language: "it",
  airline: {
    requests: [
      "Ciao, nell'app il mio volo {flight} risulta «cambio orario». A che ora si parte adesso?",
      "Quanti kg di bagaglio in stiva sono inclusi nella tariffa Economy Light per {city}?",
      "Posso portare il mio gatto in cabina? Circa 6 kg con il trasportino, volo {flight}",
      "-|La mia valigia non è arrivata a {city} con il {flight}. Denuncia fatta ({code}), quanto ci vuole di solito per ritrovarla?",
      "Ho sbagliato data nella prenotazione {code}. Posso cambiarla senza pagare tutta la differenza di tariffa?",
      "-|Aspetto da 6 settimane il rimborso di {amount} € per il volo cancellato del {date}. A chi mi devo rivolgere?",
      "Il check-in online dà errore «dati passeggero incompleti», prenotazione {code}. Che faccio?",
      "Il {flight} è in ritardo? Sul tabellone niente e al gate non c'è nessuno",
      "Si può richiedere l'assistenza in sedia a rotelle per mia madre? {city} – {city2} il {date}",
    ],
    complaints: [
      "3 ore fermi sulla pista a {city} e nessuno di {brand} ci dice NIENTE. Volo {flight}. Vergognoso.",
      "Volo {flight} cancellato 2 ore prima della partenza, niente hotel, niente buoni pasto. Sentirete il mio avvocato.",
      "Seconda valigia persa quest'anno. Complimenti {brand}, davvero impeccabili 🙃 Pratica {code}",
      "Rimborso «entro 7 giorni». Sono passati 3 mesi. Mi rivolgo alle associazioni dei consumatori e ai giornali.",
    ],
    noise: [
      "+|L'atterraggio più morbido della mia vita sul {flight}, complimenti al comandante! ✈️",
      "{friend} la prossima estate a {city}?? 🏝️",
      "+|Equipaggio fantastico sul nostro volo per {city}, grazie!!",
    ],
    dm: [
      "Ciao, per il mio commento: prenotazione {code}, volo {flight} del {date}.",
      "Ecco i dati: {code}. Parto alle {time}, controllate presto per favore",
    ],
    answers: [
      "Ciao {name}, grazie per averci scritto! Il {flight} al momento è previsto in partenza alle {time}. Buon volo! ^{agent}",
      "Ciao {name}, puoi aggiungere un bagaglio da «I miei viaggi» fino a 3 ore prima della partenza, costa meno che in aeroporto. ^{agent}",
      "Ciao {name}, ci dispiace per il disagio. Il servizio bagagli sta cercando la tua valigia, riceverai aggiornamenti via e-mail entro 48 ore. ^{agent}",
    ],
    dmAsk: [
      "Ciao {name}, ci dispiace molto. Ci mandi il codice di prenotazione in DM? Verifichiamo subito. ^{agent}",
      "{name}, ci scusiamo. Non condividere qui i tuoi dati: scrivici in privato con il numero di prenotazione. ^{agent}",
    ],
    dmOpen: [
      "Ciao {name}, sono {agent} di {brand}, ti scrivo per il tuo commento. Mi indichi il codice di prenotazione?",
    ],
    dmAnswers: [
      "Grazie {name}. Ho trovato la prenotazione {code}: il rimborso di {amount} € è avviato, arriverà entro 7 giorni lavorativi. ^{agent}",
      "Grazie! La tua valigia è stata ritrovata e te la consegniamo a casa domani tra le 9 e le 14. ^{agent}",
    ],
  },
  requests: [
    "-|L'app di {brand} si chiude ogni volta che apro il profilo. Già reinstallata",
    "Non riesco ad accedere, l'e-mail per reimpostare la password non arriva mai",
  ],
  noise: [
    "+|Vi adoro ❤️",
    "{friend} guarda!! 😍",
    "{friend} {friend2} dobbiamo farlo",
    "primo 🙌",
    "Guadagna 5.000 € a settimana da casa! Clicca qui {url} 💰",
    "+|Buon weekend a tutti! ☀️",
    "ahahah {friend}",
    "+|Servizio top, grazie!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Partecipo! Vi seguo e taggo {friend} 🙏", "+|Mi piacerebbe tantissimo vincere! {friend}"],
  followUps: ["Novità?", "-|Pronto?? Sto ancora aspettando una risposta", "-|È passata un'ora. C'è qualcuno?"],
  thanks: ["+|Grazie, mi è stato utile!", "+|Perfetto, grazie per la risposta veloce 🙏", "0|Ok grazie"],
  crowd: ["{friend} ahah uguale", "d'accordo 👆", "-|Stessa esperienza, purtroppo", "😂😂"],
  replyThanks: ["Grazie mille, {name}! 💙 ^{agent}", "Che bello leggerlo, {name}! Lo giriamo all'equipaggio 😊 ^{agent}"],
  automated: ["Grazie per il tuo messaggio! L'abbiamo ricevuto e ti risponderemo al più presto."],
  names: {
    first: ["Giulia", "Francesco", "Sofia", "Alessandro", "Aurora", "Lorenzo", "Chiara", "Matteo", "Martina", "Davide", "Elena"],
    last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
  },
  slots: { city: ["Amsterdam", "Milano", "Roma", "Napoli", "Lisbona", "Parigi", "New York", "Tenerife"] },
};
