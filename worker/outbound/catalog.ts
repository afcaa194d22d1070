/**
 * The words of outbound messages (Slack, Teams, webhooks' test text, e-mail) and of the
 * acknowledge page that only the worker says. What describes a notification (its type, severity,
 * title and facts, "I'm on it", "Resolve") comes from shared/notification-text, as the extension
 * says it.
 */
import type { Language } from '../../shared/languages';
import type { Strings } from '../../shared/notification-text/types';

const en = {
  'out.escalation': 'Nobody is on it yet',
  'out.reopened': 'It happened again after it was read or resolved',
  'out.repeats': {
    one: 'And {count} more time since the last message',
    other: 'And {count} more times since the last message',
  },
  'out.occurrences': 'Occurrences',
  'out.firstAt': 'First seen',
  'out.lastAt': 'Last seen',
  'out.severity': 'Severity',
  'out.type': 'Type',
  'out.summaryTitle': { one: 'Summary: {count} notification', other: 'Summary: {count} notifications' },
  'out.digestTitle': {
    one: 'Daily digest: {count} new notification',
    other: 'Daily digest: {count} new notifications',
  },
  'out.period': 'Period',
  'out.byType': 'By type',
  'out.notListed': { one: 'And {count} more, not listed here', other: 'And {count} more, not listed here' },
  'out.testTitle': 'Test message from Marketo Notifier',
  'out.testBody': 'The channel “{channel}” is set up: alerts will arrive here.',
  'ack.pageTitle': 'Acknowledge a notification',
  'ack.intro': 'Tell your team that you are on it, or that it is resolved.',
  'ack.name': 'Your name',
  'ack.nameInvalid': 'Enter your name (1 to 80 characters).',
  'ack.done': 'Thank you: your team sees it now.',
  'ack.expired':
    'This link has expired: links in messages work for 7 days. Open the notification in the extension.',
  'ack.invalid': 'This link is not valid. Open the notification in the extension.',
} as const;

export type OutboundCatalog = Strings<typeof en>;
export type OutboundKey = keyof OutboundCatalog;

const de: OutboundCatalog = {
  'out.escalation': 'Noch kümmert sich niemand darum',
  'out.reopened': 'Es ist erneut aufgetreten, nachdem es gelesen oder gelöst wurde',
  'out.repeats': {
    one: 'Und {count} weiteres Mal seit der letzten Nachricht',
    other: 'Und {count} weitere Male seit der letzten Nachricht',
  },
  'out.occurrences': 'Vorkommen',
  'out.firstAt': 'Zuerst gesehen',
  'out.lastAt': 'Zuletzt gesehen',
  'out.severity': 'Schweregrad',
  'out.type': 'Typ',
  'out.summaryTitle': {
    one: 'Zusammenfassung: {count} Benachrichtigung',
    other: 'Zusammenfassung: {count} Benachrichtigungen',
  },
  'out.digestTitle': {
    one: 'Tägliche Übersicht: {count} neue Benachrichtigung',
    other: 'Tägliche Übersicht: {count} neue Benachrichtigungen',
  },
  'out.period': 'Zeitraum',
  'out.byType': 'Nach Typ',
  'out.notListed': {
    one: 'Und {count} weitere, hier nicht aufgeführt',
    other: 'Und {count} weitere, hier nicht aufgeführt',
  },
  'out.testTitle': 'Testnachricht von Marketo Notifier',
  'out.testBody': 'Der Kanal „{channel}“ ist eingerichtet: Warnungen kommen hier an.',
  'ack.pageTitle': 'Benachrichtigung übernehmen',
  'ack.intro': 'Sagen Sie Ihrem Team, dass Sie sich darum kümmern oder dass es gelöst ist.',
  'ack.name': 'Ihr Name',
  'ack.nameInvalid': 'Geben Sie Ihren Namen ein (1 bis 80 Zeichen).',
  'ack.done': 'Danke: Ihr Team sieht es jetzt.',
  'ack.expired':
    'Dieser Link ist abgelaufen: Links in Nachrichten gelten 7 Tage. ' +
    'Öffnen Sie die Benachrichtigung in der Erweiterung.',
  'ack.invalid': 'Dieser Link ist ungültig. Öffnen Sie die Benachrichtigung in der Erweiterung.',
};

const es: OutboundCatalog = {
  'out.escalation': 'Nadie se encarga todavía',
  'out.reopened': 'Volvió a ocurrir después de leerse o resolverse',
  'out.repeats': {
    one: 'Y {count} vez más desde el último mensaje',
    other: 'Y {count} veces más desde el último mensaje',
  },
  'out.occurrences': 'Repeticiones',
  'out.firstAt': 'Visto por primera vez',
  'out.lastAt': 'Visto por última vez',
  'out.severity': 'Gravedad',
  'out.type': 'Tipo',
  'out.summaryTitle': { one: 'Resumen: {count} notificación', other: 'Resumen: {count} notificaciones' },
  'out.digestTitle': {
    one: 'Resumen diario: {count} notificación nueva',
    other: 'Resumen diario: {count} notificaciones nuevas',
  },
  'out.period': 'Período',
  'out.byType': 'Por tipo',
  'out.notListed': { one: 'Y {count} más, no incluida aquí', other: 'Y {count} más, no incluidas aquí' },
  'out.testTitle': 'Mensaje de prueba de Marketo Notifier',
  'out.testBody': 'El canal «{channel}» está configurado: las alertas llegarán aquí.',
  'ack.pageTitle': 'Confirmar una notificación',
  'ack.intro': 'Diga a su equipo que se encarga o que ya está resuelto.',
  'ack.name': 'Su nombre',
  'ack.nameInvalid': 'Escriba su nombre (de 1 a 80 caracteres).',
  'ack.done': 'Gracias: su equipo ya lo ve.',
  'ack.expired':
    'Este enlace ha caducado: los enlaces de los mensajes sirven 7 días. Abra la notificación en la extensión.',
  'ack.invalid': 'Este enlace no es válido. Abra la notificación en la extensión.',
};

const fr: OutboundCatalog = {
  'out.escalation': 'Personne ne s’en occupe encore',
  'out.reopened': 'Cela s’est reproduit après avoir été lu ou résolu',
  'out.repeats': {
    one: 'Et {count} fois de plus depuis le dernier message',
    other: 'Et {count} fois de plus depuis le dernier message',
  },
  'out.occurrences': 'Nombre d’occurrences',
  'out.firstAt': 'Vu la première fois',
  'out.lastAt': 'Vu la dernière fois',
  'out.severity': 'Gravité',
  'out.type': 'Type de notification',
  'out.summaryTitle': {
    one: 'Récapitulatif : {count} notification',
    other: 'Récapitulatif : {count} notifications',
  },
  'out.digestTitle': {
    one: 'Synthèse du jour : {count} nouvelle notification',
    other: 'Synthèse du jour : {count} nouvelles notifications',
  },
  'out.period': 'Période',
  'out.byType': 'Par type',
  'out.notListed': { one: 'Et {count} autre, non listée ici', other: 'Et {count} autres, non listées ici' },
  'out.testTitle': 'Message de test de Marketo Notifier',
  'out.testBody': 'Le canal « {channel} » est configuré : les alertes arriveront ici.',
  'ack.pageTitle': 'Prendre en charge une notification',
  'ack.intro': 'Dites à votre équipe que vous vous en occupez, ou que c’est résolu.',
  'ack.name': 'Votre nom',
  'ack.nameInvalid': 'Saisissez votre nom (1 à 80 caractères).',
  'ack.done': 'Merci : votre équipe le voit maintenant.',
  'ack.expired':
    'Ce lien a expiré : les liens des messages sont valables 7 jours. Ouvrez la notification dans l’extension.',
  'ack.invalid': 'Ce lien n’est pas valide. Ouvrez la notification dans l’extension.',
};

const it: OutboundCatalog = {
  'out.escalation': 'Nessuno se ne sta ancora occupando',
  'out.reopened': 'Si è ripetuto dopo essere stato letto o risolto',
  'out.repeats': {
    one: 'E {count} altra volta dall’ultimo messaggio',
    other: 'E altre {count} volte dall’ultimo messaggio',
  },
  'out.occurrences': 'Occorrenze',
  'out.firstAt': 'Prima volta',
  'out.lastAt': 'Ultima volta',
  'out.severity': 'Gravità',
  'out.type': 'Tipo',
  'out.summaryTitle': { one: 'Riepilogo: {count} notifica', other: 'Riepilogo: {count} notifiche' },
  'out.digestTitle': {
    one: 'Riepilogo giornaliero: {count} nuova notifica',
    other: 'Riepilogo giornaliero: {count} nuove notifiche',
  },
  'out.period': 'Periodo',
  'out.byType': 'Per tipo',
  'out.notListed': { one: 'E {count} altra, non elencata qui', other: 'E altre {count}, non elencate qui' },
  'out.testTitle': 'Messaggio di prova da Marketo Notifier',
  'out.testBody': 'Il canale “{channel}” è configurato: gli avvisi arriveranno qui.',
  'ack.pageTitle': 'Prendi in carico una notifica',
  'ack.intro': 'Fai sapere al tuo team che te ne occupi o che è risolto.',
  'ack.name': 'Il tuo nome',
  'ack.nameInvalid': 'Inserisci il tuo nome (da 1 a 80 caratteri).',
  'ack.done': 'Grazie: ora il tuo team lo vede.',
  'ack.expired':
    'Questo link è scaduto: i link nei messaggi valgono 7 giorni. Apri la notifica nell’estensione.',
  'ack.invalid': 'Questo link non è valido. Apri la notifica nell’estensione.',
};

const ja: OutboundCatalog = {
  'out.escalation': 'まだ誰も対応していません',
  'out.reopened': '既読または解決済みになった後に再び発生しました',
  'out.repeats': { other: '前回のメッセージ以降さらに {count} 回' },
  'out.occurrences': '発生回数',
  'out.firstAt': '初回',
  'out.lastAt': '最終',
  'out.severity': '重大度',
  'out.type': '種類',
  'out.summaryTitle': { other: 'まとめ：{count} 件の通知' },
  'out.digestTitle': { other: '日次ダイジェスト：新しい通知 {count} 件' },
  'out.period': '期間',
  'out.byType': '種類別',
  'out.notListed': { other: 'ほかに {count} 件（ここには表示されていません）' },
  'out.testTitle': 'Marketo Notifier からのテストメッセージ',
  'out.testBody': 'チャネル「{channel}」の設定は完了です。アラートはここに届きます。',
  'ack.pageTitle': '通知への対応',
  'ack.intro': '対応中であること、または解決済みであることをチームに知らせます。',
  'ack.name': 'お名前',
  'ack.nameInvalid': 'お名前を入力してください（1～80 文字）。',
  'ack.done': 'ありがとうございます。チームに表示されました。',
  'ack.expired':
    'このリンクは期限切れです。メッセージ内のリンクは 7 日間有効です。拡張機能で通知を開いてください。',
  'ack.invalid': 'このリンクは無効です。拡張機能で通知を開いてください。',
};

const ko: OutboundCatalog = {
  'out.escalation': '아직 아무도 처리하지 않고 있습니다',
  'out.reopened': '읽음 또는 해결 처리된 후 다시 발생했습니다',
  'out.repeats': { other: '마지막 메시지 이후 {count}번 더 발생' },
  'out.occurrences': '발생 횟수',
  'out.firstAt': '처음 발생',
  'out.lastAt': '마지막 발생',
  'out.severity': '심각도',
  'out.type': '유형',
  'out.summaryTitle': { other: '요약: 알림 {count}개' },
  'out.digestTitle': { other: '일일 요약: 새 알림 {count}개' },
  'out.period': '기간',
  'out.byType': '유형별',
  'out.notListed': { other: '여기에 표시되지 않은 {count}개 더' },
  'out.testTitle': 'Marketo Notifier 테스트 메시지',
  'out.testBody': '채널 “{channel}” 설정이 완료되었습니다. 경고가 여기로 전송됩니다.',
  'ack.pageTitle': '알림 처리',
  'ack.intro': '처리 중이거나 해결되었음을 팀에 알립니다.',
  'ack.name': '이름',
  'ack.nameInvalid': '이름을 입력하세요(1~80자).',
  'ack.done': '감사합니다. 이제 팀에 표시됩니다.',
  'ack.expired':
    '이 링크는 만료되었습니다. 메시지의 링크는 7일 동안 유효합니다. 확장 프로그램에서 알림을 여세요.',
  'ack.invalid': '이 링크는 유효하지 않습니다. 확장 프로그램에서 알림을 여세요.',
};

const nl: OutboundCatalog = {
  'out.escalation': 'Nog niemand pakt het op',
  'out.reopened': 'Het gebeurde opnieuw nadat het gelezen of opgelost was',
  'out.repeats': {
    one: 'En nog {count} keer sinds het laatste bericht',
    other: 'En nog {count} keer sinds het laatste bericht',
  },
  'out.occurrences': 'Aantal keer',
  'out.firstAt': 'Eerst gezien',
  'out.lastAt': 'Laatst gezien',
  'out.severity': 'Ernst',
  'out.type': 'Soort melding',
  'out.summaryTitle': { one: 'Samenvatting: {count} melding', other: 'Samenvatting: {count} meldingen' },
  'out.digestTitle': {
    one: 'Dagoverzicht: {count} nieuwe melding',
    other: 'Dagoverzicht: {count} nieuwe meldingen',
  },
  'out.period': 'Periode',
  'out.byType': 'Per type',
  'out.notListed': { one: 'En nog {count}, hier niet vermeld', other: 'En nog {count}, hier niet vermeld' },
  'out.testTitle': 'Testbericht van Marketo Notifier',
  'out.testBody': 'Het kanaal ‘{channel}’ is ingesteld: waarschuwingen komen hier binnen.',
  'ack.pageTitle': 'Een melding oppakken',
  'ack.intro': 'Laat uw team weten dat u het oppakt, of dat het opgelost is.',
  'ack.name': 'Uw naam',
  'ack.nameInvalid': 'Vul uw naam in (1 tot 80 tekens).',
  'ack.done': 'Bedankt: uw team ziet het nu.',
  'ack.expired': 'Deze link is verlopen: links in berichten werken 7 dagen. Open de melding in de extensie.',
  'ack.invalid': 'Deze link is niet geldig. Open de melding in de extensie.',
};

const ptBR: OutboundCatalog = {
  'out.escalation': 'Ninguém está cuidando disso ainda',
  'out.reopened': 'Aconteceu de novo depois de ser lida ou resolvida',
  'out.repeats': {
    one: 'E mais {count} vez desde a última mensagem',
    other: 'E mais {count} vezes desde a última mensagem',
  },
  'out.occurrences': 'Ocorrências',
  'out.firstAt': 'Visto pela primeira vez',
  'out.lastAt': 'Visto pela última vez',
  'out.severity': 'Gravidade',
  'out.type': 'Tipo',
  'out.summaryTitle': { one: 'Resumo: {count} notificação', other: 'Resumo: {count} notificações' },
  'out.digestTitle': {
    one: 'Resumo diário: {count} nova notificação',
    other: 'Resumo diário: {count} novas notificações',
  },
  'out.period': 'Período',
  'out.byType': 'Por tipo',
  'out.notListed': { one: 'E mais {count}, não listada aqui', other: 'E mais {count}, não listadas aqui' },
  'out.testTitle': 'Mensagem de teste do Marketo Notifier',
  'out.testBody': 'O canal “{channel}” está configurado: os alertas chegarão aqui.',
  'ack.pageTitle': 'Assumir uma notificação',
  'ack.intro': 'Avise sua equipe que você está cuidando disso ou que foi resolvido.',
  'ack.name': 'Seu nome',
  'ack.nameInvalid': 'Digite seu nome (de 1 a 80 caracteres).',
  'ack.done': 'Obrigado: sua equipe já vê isso.',
  'ack.expired':
    'Este link expirou: os links das mensagens valem por 7 dias. Abra a notificação na extensão.',
  'ack.invalid': 'Este link não é válido. Abra a notificação na extensão.',
};

const sv: OutboundCatalog = {
  'out.escalation': 'Ingen har tagit det ännu',
  'out.reopened': 'Det hände igen efter att det lästs eller lösts',
  'out.repeats': {
    one: 'Och {count} gång till sedan förra meddelandet',
    other: 'Och {count} gånger till sedan förra meddelandet',
  },
  'out.occurrences': 'Antal gånger',
  'out.firstAt': 'Först sedd',
  'out.lastAt': 'Senast sedd',
  'out.severity': 'Allvarlighetsgrad',
  'out.type': 'Typ',
  'out.summaryTitle': {
    one: 'Sammanfattning: {count} avisering',
    other: 'Sammanfattning: {count} aviseringar',
  },
  'out.digestTitle': {
    one: 'Daglig sammanställning: {count} ny avisering',
    other: 'Daglig sammanställning: {count} nya aviseringar',
  },
  'out.period': 'Tidsperiod',
  'out.byType': 'Per typ',
  'out.notListed': {
    one: 'Och {count} till, som inte visas här',
    other: 'Och {count} till, som inte visas här',
  },
  'out.testTitle': 'Testmeddelande från Marketo Notifier',
  'out.testBody': 'Kanalen ”{channel}” är konfigurerad: varningar kommer hit.',
  'ack.pageTitle': 'Ta en avisering',
  'ack.intro': 'Berätta för ditt team att du tar det, eller att det är löst.',
  'ack.name': 'Ditt namn',
  'ack.nameInvalid': 'Ange ditt namn (1 till 80 tecken).',
  'ack.done': 'Tack: ditt team ser det nu.',
  'ack.expired': 'Länken har gått ut: länkar i meddelanden gäller i 7 dagar. Öppna aviseringen i tillägget.',
  'ack.invalid': 'Länken är inte giltig. Öppna aviseringen i tillägget.',
};

const zhHans: OutboundCatalog = {
  'out.escalation': '尚无人处理',
  'out.reopened': '在已读或已解决之后再次发生',
  'out.repeats': { other: '自上一条消息以来又发生了 {count} 次' },
  'out.occurrences': '发生次数',
  'out.firstAt': '首次出现',
  'out.lastAt': '最近出现',
  'out.severity': '严重程度',
  'out.type': '类型',
  'out.summaryTitle': { other: '摘要：{count} 条通知' },
  'out.digestTitle': { other: '每日摘要：{count} 条新通知' },
  'out.period': '时段',
  'out.byType': '按类型',
  'out.notListed': { other: '另有 {count} 条未在此列出' },
  'out.testTitle': '来自 Marketo Notifier 的测试消息',
  'out.testBody': '频道“{channel}”已设置完成：警报将发送到这里。',
  'ack.pageTitle': '处理通知',
  'ack.intro': '告诉您的团队您正在处理，或已经解决。',
  'ack.name': '您的姓名',
  'ack.nameInvalid': '请输入您的姓名（1 到 80 个字符）。',
  'ack.done': '谢谢：您的团队现在可以看到了。',
  'ack.expired': '此链接已过期：消息中的链接有效期为 7 天。请在扩展程序中打开该通知。',
  'ack.invalid': '此链接无效。请在扩展程序中打开该通知。',
};

const zhHant: OutboundCatalog = {
  'out.escalation': '尚無人處理',
  'out.reopened': '在已讀或已解決之後再次發生',
  'out.repeats': { other: '自上一則訊息以來又發生了 {count} 次' },
  'out.occurrences': '發生次數',
  'out.firstAt': '首次出現',
  'out.lastAt': '最近出現',
  'out.severity': '嚴重程度',
  'out.type': '類型',
  'out.summaryTitle': { other: '摘要：{count} 則通知' },
  'out.digestTitle': { other: '每日摘要：{count} 則新通知' },
  'out.period': '時段',
  'out.byType': '依類型',
  'out.notListed': { other: '另有 {count} 則未在此列出' },
  'out.testTitle': '來自 Marketo Notifier 的測試訊息',
  'out.testBody': '頻道「{channel}」已設定完成：警示將傳送到這裡。',
  'ack.pageTitle': '處理通知',
  'ack.intro': '告訴您的團隊您正在處理，或已經解決。',
  'ack.name': '您的姓名',
  'ack.nameInvalid': '請輸入您的姓名（1 到 80 個字元）。',
  'ack.done': '謝謝：您的團隊現在看得到了。',
  'ack.expired': '此連結已過期：訊息中的連結有效期為 7 天。請在擴充功能中開啟該通知。',
  'ack.invalid': '此連結無效。請在擴充功能中開啟該通知。',
};

export const OUTBOUND_CATALOGS: Record<Language, OutboundCatalog> = {
  en,
  de,
  es,
  fr,
  it,
  ja,
  ko,
  nl,
  'pt-BR': ptBR,
  sv,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
};
