import type { LanguagePack } from "./types";

export const pt: LanguagePack = {
  language: "pt",
  airline: {
    requests: [
      "Olá, na app o meu voo {flight} aparece com «alteração de horário». A que horas parte agora?",
      "Quantos kg de bagagem de porão tem a tarifa Economy Light para {city}?",
      "Posso levar o meu gato na cabine? Uns 6 kg com a transportadora, voo {flight}",
      "-|A minha mala não chegou a {city} no {flight}. Já fiz a reclamação ({code}), quanto tempo costuma demorar a encontrar?",
      "Enganei-me na data da reserva {code}. Dá para alterar sem pagar a diferença toda da tarifa?",
      "-|Há 6 semanas que espero o reembolso de {amount} € do voo cancelado de {date}. Com quem falo?",
      "O check-in online dá erro «dados do passageiro incompletos», reserva {code}. O que faço?",
      "O {flight} está atrasado? No painel não diz nada e na porta não está ninguém",
    ],
    complaints: [
      "3 horas parados na pista em {city} e ninguém da {brand} nos diz NADA. Voo {flight}. Vergonhoso.",
      "Cancelaram o {flight} 2 horas antes da partida, sem hotel nem vales de refeição. O meu advogado vai entrar em contacto.",
      "Segunda mala perdida este ano. Parabéns {brand}, impecáveis como sempre 🙃 Processo {code}",
      "Reembolso «em 7 dias». Já lá vão 3 meses. Vou fazer queixa no Livro de Reclamações e falar com a imprensa.",
    ],
    noise: [
      "+|A aterragem mais suave da minha vida no {flight}, parabéns ao comandante! ✈️",
      "{friend} no próximo verão {city}?? 🏝️",
      "+|Tripulação incrível no nosso voo para {city}, obrigado!!",
    ],
    dm: [
      "Olá, sobre o meu comentário: reserva {code}, voo {flight} de {date}.",
      "Aqui vão os dados: {code}. Parto às {time}, vejam depressa por favor",
    ],
    answers: [
      "Olá {name}, obrigado pela mensagem! O {flight} tem partida prevista para as {time}. Boa viagem! ^{agent}",
      "Olá {name}, pode adicionar bagagem em «As minhas viagens» até 3 horas antes da partida, fica mais barato do que no aeroporto. ^{agent}",
      "Olá {name}, lamentamos o incómodo. O serviço de bagagens está a procurar a sua mala, terá novidades por e-mail em 48 horas. ^{agent}",
    ],
    dmAsk: [
      "Olá {name}, lamentamos muito. Pode enviar-nos uma mensagem privada com o código da reserva? Vamos verificar. ^{agent}",
      "{name}, pedimos desculpa. Não partilhe dados pessoais aqui: envie-nos uma DM com o número da reserva. ^{agent}",
    ],
    dmOpen: [
      "Olá {name}, fala {agent} da {brand}, a propósito do seu comentário. Pode indicar-me o código da reserva?",
    ],
    dmAnswers: [
      "Obrigado, {name}. Encontrámos a reserva {code}: o reembolso de {amount} € foi pedido e chega em 7 dias úteis. ^{agent}",
      "Obrigado! A sua mala foi encontrada e será entregue em casa amanhã entre as 9h e as 14h. ^{agent}",
    ],
  },
  requests: [
    "-|A app da {brand} fecha sempre que abro o perfil. Já reinstalei",
    "Não consigo entrar, o e-mail para repor a palavra-passe nunca chega",
  ],
  noise: [
    "+|Adoro-vos ❤️",
    "{friend} olha!! 😍",
    "{friend} {friend2} temos de fazer isto",
    "primeiro 🙌",
    "Ganhe 5.000 € por semana a partir de casa! Clique em {url} 💰",
    "+|Bom fim de semana a todos! ☀️",
    "kkkk {friend}",
    "+|Serviço top, obrigado!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Participo! Já sigo e marquei {friend} 🙏", "+|Adorava ganhar! {friend}"],
  followUps: ["Alguma novidade?", "-|Olá?? Continuo à espera de resposta", "-|Já passou uma hora. Está aí alguém?"],
  thanks: ["+|Obrigado, ajudou muito!", "+|Ótimo, obrigada pela resposta rápida 🙏", "0|Ok obrigado"],
  crowd: ["{friend} haha igual", "concordo 👆", "-|Mesma experiência, infelizmente", "😂😂"],
  replyThanks: ["Muito obrigado, {name}! 💙 ^{agent}", "Que bom ler isto, {name}! Vamos passar à tripulação 😊 ^{agent}"],
  automated: ["Obrigado pela sua mensagem! Recebemo-la e responderemos o mais rapidamente possível."],
  names: {
    first: ["Beatriz", "João", "Inês", "Tiago", "Mariana", "Rodrigo", "Ana", "Diogo", "Carolina", "Pedro"],
    last: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa"],
  },
  slots: { city: ["Amesterdão", "Lisboa", "Porto", "Faro", "Funchal", "Paris", "São Paulo", "Madrid"] },
};
