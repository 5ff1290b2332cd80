import type { LanguagePack } from "./types";

export const es: LanguagePack = {
  language: "es",
  airline: {
    requests: [
      "Hola, en la app mi vuelo {flight} pone «cambio de horario». ¿A qué hora sale ahora?",
      "¿Cuántos kilos de equipaje facturado incluye la tarifa Economy Light a {city}?",
      "¿Puedo llevar a mi gato en cabina? Pesa unos 6 kg con el transportín, vuelo {flight}",
      "-|Mi maleta no llegó a {city} en el {flight}. Ya puse la reclamación ({code}), ¿cuánto suele tardar la búsqueda?",
      "Me equivoqué de fecha al reservar ({code}). ¿Se puede cambiar sin pagar toda la diferencia de tarifa?",
      "-|Llevo 6 semanas esperando el reembolso de {amount} € del vuelo cancelado del {date}. ¿Con quién hablo?",
      "El check-in online falla con «datos del pasajero incompletos», reserva {code}. ¿Qué hago?",
      "¿El {flight} va con retraso? En la pantalla no pone nada y en la puerta no hay nadie",
      "¿Cuál es el tamaño máximo del equipaje de mano? ¿Una mochila de 40x30x20 vale como artículo personal?",
    ],
    complaints: [
      "3 horas en la pista en {city} y nadie de {brand} nos dice NADA. Vuelo {flight}. Vergonzoso.",
      "Cancelan el {flight} 2 horas antes de salir, sin hotel, sin vales de comida, nada. Os escribirá mi abogado.",
      "Segunda vez este año que perdéis mi maleta. {brand}, sois un chiste. Expediente {code}",
      "Reembolso «en 7 días», decían. Tres meses después, nada. Voy a poner una reclamación en consumo y a contarlo en la prensa.",
    ],
    noise: [
      "+|El aterrizaje más suave de mi vida en el {flight}, ¡felicidades al comandante! ✈️",
      "{friend} ¿el verano que viene a {city}?? 🏝️",
      "+|¡La tripulación de nuestro vuelo a {city} fue un encanto, gracias!",
    ],
    dm: [
      "Hola, por lo de mi comentario: reserva {code}, vuelo {flight} del {date}.",
      "Aquí van los datos: {code}. Salgo a las {time}, revisadlo pronto por favor",
    ],
    answers: [
      "¡Hola {name}, gracias por escribirnos! El {flight} tiene prevista la salida a las {time}. ¡Buen vuelo! ^{agent}",
      "Hola {name}, puedes añadir equipaje en «Mis viajes» hasta 3 horas antes de la salida, sale más barato que en el aeropuerto. ^{agent}",
      "Hola {name}, sentimos las molestias. El servicio de equipajes está buscando tu maleta y recibirás novedades por e-mail en 48 horas. ^{agent}",
    ],
    dmAsk: [
      "Hola {name}, sentimos mucho lo ocurrido. ¿Nos envías un mensaje privado con tu código de reserva? Lo revisamos. ^{agent}",
      "{name}, lo sentimos. No compartas datos personales aquí: escríbenos por DM con tu número de reserva. ^{agent}",
    ],
    dmOpen: [
      "Hola {name}, soy {agent} de {brand}, te escribo por tu comentario. ¿Me pasas tu código de reserva?",
    ],
    dmAnswers: [
      "Gracias {name}. He encontrado la reserva {code}: el reembolso de {amount} € está en marcha, llegará en 7 días hábiles. ^{agent}",
      "¡Gracias! Tu maleta ha aparecido y te la llevamos a casa mañana entre las 9 y las 14 h. ^{agent}",
    ],
  },
  requests: [
    "-|La app de {brand} se cierra cada vez que abro mi perfil. Ya la he reinstalado",
    "No puedo iniciar sesión, el correo para restablecer la contraseña nunca llega",
  ],
  noise: [
    "+|Os quiero ❤️",
    "{friend} ¡¡mira!! 😍",
    "{friend} {friend2} tenemos que hacer esto",
    "primero 🙌",
    "¡Gana 5.000 € a la semana desde casa! Entra en {url} 💰",
    "+|¡Feliz finde a todos! ☀️",
    "jajaja {friend}",
    "+|Servicio de diez, ¡gracias!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "¡Participo! Os sigo y etiqueto a {friend} 🙏", "+|¡Me encantaría ganar! {friend}"],
  followUps: ["¿Alguna novedad?", "-|¿Hola?? Sigo esperando respuesta", "-|Ya ha pasado una hora. ¿Hay alguien?"],
  thanks: ["+|¡Gracias, me ha servido!", "+|Genial, gracias por la respuesta rápida 🙏", "0|Vale, gracias"],
  crowd: ["{friend} jaja igual", "de acuerdo 👆", "-|Misma experiencia, por desgracia", "😂😂"],
  replyThanks: ["¡Muchas gracias, {name}! 💙 ^{agent}", "¡Qué alegría leerte, {name}! Se lo pasamos a la tripulación 😊 ^{agent}"],
  automated: ["¡Gracias por tu mensaje! Lo hemos recibido y te responderemos lo antes posible."],
  names: {
    first: ["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Alejandro", "Valeria", "Daniel", "Carmen", "Javier", "Paula"],
    last: ["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz", "Díaz", "Moreno"],
  },
  slots: { city: ["Ámsterdam", "Madrid", "Barcelona", "Lisboa", "Roma", "Cancún", "Nueva York", "Tenerife"] },
};
