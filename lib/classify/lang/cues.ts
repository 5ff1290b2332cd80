// Cue words across the 13 languages; a trailing * matches any ending (for inflected languages).
export const CUES: Record<string, string> = {
  question:
    "where when why how what which who whats where's can could would is are does do anyone " +
    "где когда почему зачем как какой какая куда сколько можно подскажите скажите " +
    "де коли чому навіщо який яка скільки підкажіть скажіть къде кога защо какво колко кажете " +
    "ku kur pse çfarë cfare sa mund wo wann warum wie welche wieso weshalb kann könnt " +
    "où quand pourquoi comment quel quelle combien est-ce pouvez dónde cuándo por qué cómo cuál cuánto pueden puedo " +
    "dove quando perché come quale quanto potete posso onde quando porque como qual quanto podem posso " +
    "waar wanneer waarom hoe welke hoeveel kunnen kan gdzie kiedy dlaczego jak który ile czy możecie można " +
    "nerede neden niçin nasıl hangi kaç mı mi mu mü",
  help:
    "help please pls plz need assist support contact urgent помогите помощь пожалуйста срочно " +
    "допоможіть допомога будь ласка терміново помогнете помощ моля спешно ndihmë ndihme ju lutem " +
    "hilfe bitte dringend aide aidez svp urgent ayuda ayúdenme favor urgente aiuto aiutatemi favore " +
    "ajuda ajudem urgente hulp help alstublieft dringend pomocy pomoc proszę pilne " +
    "yardım yardim lütfen acil",
  complaint:
    "still never worst refund delayed delay cancelled canceled broken charged again nobody waiting lost missing wrong unacceptable ridiculous disappointed terrible awful scam fix " +
    "сих никто задерж* отмен* вернит* верните возврат* сломал* списал* ужас* безобраз* обман* жалоб* опять снова " +
    "досі ніхто затрим* скасув* поверніть повернен* зламал* списал* жах* обман* скарг* знову " +
    "никой закъсн* отмен* върнете възстанов* счупен* таксува* ужас* измам* оплакв* отново " +
    "ende askush vonesë vonese anul* kthe* prishur tmerr* mashtr* ankes* përsëri perseri " +
    "niemand verspät* storn* erstatt* kaputt abgebucht schrecklich betrug beschwerde wieder " +
    "toujours personne retard* annul* rembours* cassé casse débité horrible arnaque plainte " +
    "todavía nadie retras* cancel* reembols* roto cobrado horrible estafa queja " +
    "ancora nessuno ritard* cancell* rimbors* rotto addebit* orribile truffa reclamo " +
    "ainda ninguém atras* cancel* reembols* quebrado cobrad* horrível golpe reclamação " +
    "steeds niemand vertraag* geannuleerd terugbetal* kapot afgeschreven verschrikkelijk oplichting klacht " +
    "nadal nikt opóźni* anulow* zwrot* zepsut* pobral* okropn* oszust* reklamac* znowu " +
    "hala kimse gecik* iptal* iade* bozuk çekildi berbat dolandır* şikayet* tekrar çalışmıyor " +
    // waiting, hours on hold, losing things: what sarcastic praise is about
    "hold hours hour lost losing wait waited ждать жду ждём часа потерял* чекаю годин* загубил* чакам загубихте чакане " +
    "pres pritje orë humb* warte* warteschleife stunde verloren attente attendre heure perdu espera esperando hora perdi* perdido " +
    "attesa aspett* perso persa esperando hora perd* wacht wachten uur kwijt czeka* godzin* zgubi* bekle* saat kaybet*",
  thanks:
    "thanks thank thx ty cheers grateful спасибо спс благодарю дякую дяки благодаря мерси faleminderit flm " +
    "danke dankeschön merci gracias grazie obrigado obrigada valeu dank bedankt dzięki dziękuję dziekuje " +
    "teşekkürler tesekkurler teşekkür sağol sagol",
  praise:
    "love great best amazing awesome perfect excellent beautiful delicious favourite favorite nice wonderful " +
    "люблю лучш* отличн* супер класс* прекрасн* вкусн* обожаю любимый кращ* чудов* смачн* найкращ* обожнюю " +
    "обичам най-добр* страхотн* прекрасн* вкусн* любим* dua shkëlqyer mrekulli* bukur " +
    "liebe toll super beste lecker wunderbar perfekt genial adore génial parfait meilleur délicieux magnifique " +
    "encanta genial mejor delicioso perfecto maravillos* adoro ottimo migliore buonissimo perfetto fantastico " +
    "amo ótimo melhor delicioso perfeito maravilhos* geweldig beste heerlijk perfect prachtig top " +
    "uwielbiam świetn* najlepsz* pyszn* idealn* cudown* bayıldım harika mükemmel süper lezzetli " +
    "incredible fantastic gorgeous stunning cute yummy wow brilliant невероятн* шикарн* потрясающ* красив* неймовірн* шикарн* " +
    "красив* невероятн* прекрасн* fantastik mahnitëse mahnitës unglaublich fantastisch wunderschön incroyable fantastique " +
    "superbe increíble fantástic* precios* incredibile fantastic* stupend* incrível fantástic* lind* ongelooflijk fantastisch " +
    "prachtig niesamowit* fantastyczn* obłędn* piękn* inanılmaz muhteşem şahane",
  giveaway:
    "giveaway contest win winner enter entering participate raffle sweepstakes розыгрыш* конкурс* участвую " +
    "розіграш* конкурс* участь участвам томбол* игра garë gare fitoj pjesë gewinnspiel gewinnen " +
    "mitmachen concours gagner participe tirage sorteo concurso participo ganar concorso partecipo vincere " +
    "sorteio participando ganhar winactie meedoen winnen konkurs* udział wygrać çekiliş* cekilis* katılıyorum kazanmak",
  spam:
    "followers follow crypto bitcoin forex earn income invest investment casino bonus promo dm link bio " +
    "заработ* инвест* крипт* казино подписчик* бонус заробіт* інвест* печал* ganoj " +
    "verdienen gagnez gana guadagna ganhe verdien zarabiaj kazan takipçi",
};
