/**
 * The notification type names Marketo uses in its UI and in its notification e-mails, in the 12
 * languages of Adobe's documentation (reference/notification-types.<lang>.md, in the page's order;
 * test/worker/email/type-names.test.ts checks them against those pages).
 */
import { LANGUAGES, type Language } from '../../shared/languages';
import { SEED_TYPES, type SeedType } from '../../shared/notification-types';

/** Marketo writes its e-mails in the languages of its documentation: the ones we speak. */
export const EMAIL_LANGUAGES = LANGUAGES;
export type EmailLanguage = Language;

/** The seed types, in the order of Adobe's page. */
export const EMAIL_TYPES = SEED_TYPES;
export type EmailType = SeedType;

type Names = readonly [string, string, string, string, string, string, string];

const PAGE_NAMES: Record<EmailLanguage, Names> = {
  en: ['Campaign Failure', 'CRM Sync', 'Engagement', 'Facebook', 'Idle Trigger Campaign Cleanup', 'LinkedIn', 'Web Services'],
  de: ['Kampagnenfehler', 'CRM-Synch', 'Interaktion', 'Facebook', 'Leerlauf-Auslöser-Kampagnenbereinigung', 'LinkedIn', 'Webdienste'],
  es: ['Error en la campaña', 'Sincronización de CRM', 'Participación', 'Facebook', 'Limpieza de campañas desencadenadoras sin actividad', 'LinkedIn', 'Servicios web'],
  fr: ['Échec de Campaign', 'CRM Sync', 'Engagement', 'Facebook', "Nettoyage Campaign du déclencheur d'inactivité", 'LinkedIn', 'Services Web'],
  it: ['Campagna non riuscita', 'Sincronizzazione CRM', 'Coinvolgimento', 'Facebook', 'Pulizia campagna attivazione inattività', 'LinkedIn', 'Servizi Web'],
  ja: ['キャンペーン失敗', 'CRM 同期', 'エンゲージメント', 'Facebook', 'アイドルトリガーキャンペーンクリーンアップ', 'LinkedIn', 'Web サービス'],
  ko: ['캠페인 실패', 'CRM 동기화', '참여', 'Facebook', '유휴 트리거 캠페인 정리', 'LinkedIn', '웹 서비스'],
  nl: ['Campagne mislukt', 'CRM-synchronisatie', 'Betrokkenheid', 'Facebook', 'Opruimen van campagne voor inactieve Trigger', 'LinkedIn', 'Webservices'],
  'pt-BR': ['Falha na campanha', 'Sincronização com o CRM', 'Engajamento', 'Facebook', 'Limpeza de campanha com gatilho ociosa', 'LinkedIn', 'Serviços da Web'],
  sv: ['Kampanjfel', 'CRM-synkronisering', 'Engagemang', 'Facebook', 'Rensa inaktiv utlösarkampanj', 'LinkedIn', 'Webbtjänster'],
  'zh-Hans': ['营销活动失败', 'CRM同步', '参与', 'Facebook', '空闲触发器活动清理', 'LinkedIn', 'Web服务'],
  'zh-Hant': ['行銷活動失敗', 'CRM同步', '參與', 'Facebook', '閒置觸發程式促銷活動清除', 'LinkedIn', '網站服務'],
};

/** Per language, the type names in the page's order (what the test compares). */
export function pageNames(language: EmailLanguage): readonly string[] {
  return PAGE_NAMES[language];
}

/** Every name of a type, across the languages, without repeats. */
export const TYPE_NAMES = Object.fromEntries(
  EMAIL_TYPES.map((type, i) => [type, [...new Set(EMAIL_LANGUAGES.map((language) => PAGE_NAMES[language][i]!))]]),
) as unknown as Record<EmailType, readonly string[]>;
