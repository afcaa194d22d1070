/**
 * Words Marketo's notification e-mails use for the facts they give, in the 12 languages of its
 * documentation (Adobe's own terms where its pages have them). Compared folded (see fold.ts), as
 * parts of a label ("Smart Campaign:" contains "campaign") or of a sentence.
 */

/** Labels of "label: value" lines. */
export const LABELS = {
  campaignId: ['Campaign ID', 'Kampagnen-ID', 'ID de campaña', 'ID de la campagne', 'ID campagna', 'キャンペーン ID', '캠페인 ID', 'Campagne-ID', 'ID da campanha', 'Kampanj-ID', '营销活动 ID', '行銷活動 ID'],
  campaign: ['Campaign', 'Kampagne', 'Campaña', 'Campagne', 'Campagna', 'キャンペーン', '캠페인', 'Campanha', 'Kampanj', '营销活动', '行銷活動', '促銷活動'],
  program: ['Program', 'Programm', 'Programa', 'Programme', 'Programma', 'プログラム', '프로그램', '项目', '計畫', '方案'],
  stream: ['Stream', 'Flujo', 'Flux', 'Flusso', 'ストリーム', '스트림', 'Fluxo', 'Ström', '流', '串流'],
  leadCount: [
    'Exhausted', 'People', 'Leads', 'Erschöpft', 'Personen', 'Agotad', 'Personas', 'Épuisé', 'Personnes', 'Pistes', 'Esaurit', 'Persone',
    '使い果たした', '人数', 'リード数', '소진', '리드 수', 'Uitgeput', 'Esgotad', 'Pessoas', 'Utmattade', 'Personer', '耗尽', '人员', '耗盡', '人員',
  ],
  errorCode: ['Error code', 'Fehlercode', 'Código de error', "Code d'erreur", 'Codice errore', 'エラーコード', '오류 코드', 'Foutcode', 'Código do erro', 'Felkod', '错误代码', '錯誤代碼'],
  error: [
    'Error', 'Reason', 'Fehler', 'Grund', 'Motivo', 'Erreur', 'Raison', 'Errore', 'エラー', '理由', '오류', '이유', 'Fout', 'Reden', 'Erro', 'Fel', 'Orsak', '错误', '原因', '錯誤',
  ],
  audience: ['Audience', 'Zielgruppe', 'Audiencia', 'Pubblico', 'オーディエンス', '대상자', 'Doelgroep', 'Publiek', 'Público', 'Målgrupp', '受众', '受眾'],
} as const;
export type LabelField = keyof typeof LABELS;

export const CRM_NAMES = { salesforce: ['Salesforce'], dynamics: ['Dynamics'] } as const;

/** Salesforce's own error codes first: Marketo quotes them as they come. */
export const CRM_PROBLEM_WORDS = {
  expired_credentials: [
    'INVALID_SESSION_ID', 'expired credentials', 'credentials expired', 'credentials have expired', 'abgelaufen', 'credenciales caducadas', 'credenciales vencidas',
    'identifiants expirés', 'informations d\'identification expirées', 'credenziali scadute', '資格情報の期限', '期限切れ', '자격 증명이 만료', '만료된 자격 증명',
    'verlopen', 'credenciais expiradas', 'utgångna autentiseringsuppgifter', 'har gått ut', '凭据已过期', '过期', '憑證已過期', '過期',
  ],
  api_limit: [
    'REQUEST_LIMIT_EXCEEDED', 'API limit', 'API-Limit', 'API-Grenze', 'límite de API', 'limite d\'API', 'limite API', 'limite de API', 'API 制限', 'API 제한',
    'API-limiet', 'API-gräns', 'API 限制',
  ],
  permissions: [
    'INSUFFICIENT_ACCESS', 'permission', 'Berechtigung', 'permiso', 'autorisation', 'autorizzazion', 'permess', '権限', '권한', 'machtiging', 'permissõ', 'permissão',
    'behörighet', '权限', '權限',
  ],
  sync_disabled: [
    'sync disabled', 'sync is disabled', 'sync is down', 'sync stopped', 'Synchronisierung deaktiviert', 'Synch deaktiviert', 'sincronización desactivada',
    'synchronisation désactivée', 'sincronizzazione disattivata', '同期が無効', '동기화가 비활성화', 'synchronisatie uitgeschakeld', 'sincronização desativada',
    'synkroniseringen är inaktiverad', 'synkronisering inaktiverad', '同步已禁用', '同步已停用',
  ],
  duplicate_lead: [
    'DUPLICATE_VALUE', 'duplicate', 'Duplikat', 'doppelt', 'duplicad', 'doublon', 'duplicata', 'duplicat', '重複', '중복', 'dubbel', 'dubblett', '重复',
  ],
  field_length: [
    'STRING_TOO_LONG', 'field length', 'Feldlänge', 'longitud del campo', 'longitud de campo', 'longueur de champ', 'longueur du champ', 'lunghezza del campo',
    'lunghezza campo', 'フィールド長', 'フィールドの長さ', '필드 길이', 'veldlengte', 'comprimento do campo', 'fältlängd', '字段长度', '欄位長度',
  ],
} as const;

export const FACEBOOK_PROBLEM_WORDS = {
  terms_not_accepted: [
    'Terms of Service', 'terms', 'Nutzungsbedingungen', 'términos', 'conditions d\'utilisation', 'condizioni', 'termini', '利用規約', '약관', 'voorwaarden',
    'termos', 'villkor', '服务条款', '服務條款',
  ],
  app_removed: ['removed', 'entfernt', 'eliminad', 'supprimé', 'rimoss', '削除', '제거', 'verwijderd', 'removid', 'borttagen', 'tagit bort', '删除', '移除', '刪除'],
} as const;

/** "Will be deactivated" is checked before "deactivated". */
export const CLEANUP_ACTION_WORDS = {
  scheduled: [
    'will be deactivated', 'scheduled', 'wird deaktiviert', 'werden deaktiviert', 'geplant', 'se desactivará', 'programad', 'sera désactivée', 'seront désactivées',
    'planifié', 'verrà disattivata', 'verranno disattivate', 'pianificat', '予定', '예정', 'wordt gedeactiveerd', 'worden gedeactiveerd', 'gepland',
    'será desativada', 'serão desativadas', 'agendad', 'kommer att inaktiveras', 'schemalagd', '将被停用', '将停用', '將被停用', '將停用',
  ],
  deactivated: [
    'deactivated', 'deaktiviert', 'desactivad', 'désactivé', 'disattivat', '無効化', '非アクティブ化', '비활성화', 'gedeactiveerd', 'desativad', 'inaktiverad',
    '已停用', '停用',
  ],
} as const;

/** Creating an audience first: its sentences may also say "send". */
export const LINKEDIN_OPERATION_WORDS = {
  create_audience: LABELS.audience,
  login: ['log in', 'login', 'sign in', 'anmelden', 'Anmeldung', 'iniciar sesión', 'connecter', 'connexion', 'accedere', 'accesso', 'ログイン', '로그인', 'aanmelden', 'fazer login', 'logga in', '登录', '登入'],
  send: ['send', 'push', 'senden', 'übertragen', 'enviar', 'envoyer', 'inviare', '送信', '푸시', '보내', 'verzenden', 'sturen', 'skicka', '发送', '推送', '傳送'],
} as const;

/** Marketo's error code for "daily quota reached". */
export const QUOTA_REACHED_CODE = 607;
