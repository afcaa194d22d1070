import type { MessageKey } from './en';

export const ja: Record<MessageKey, string> = {
  invalid_body: 'リクエストの本文が無効です。',
  invalid_query: 'クエリ文字列が無効です。',
  invalid_param: 'アドレスが無効です。',
  invalid_header: 'リクエストヘッダーが無効です。',
  invalid_json: '本文が有効な JSON ではありません。',
  key_missing: 'キーが必要です：Authorization: Bearer <キー> を送信してください。',
  key_unknown: 'キーが不明か、取り消されています。',
  root_not_tenant_key:
    'ルートトークンはテナントとキーを管理するためのものです。ここではテナントのキーを使用してください。',
  role_needed: '{role} ロールのキーが必要です。このキーのロールは {has} です。',
  root_only: 'この操作はルートトークンでのみ実行できます。',
  own_tenant_only: 'キーで管理できるのは、そのキー自身のテナントのキーだけです。',
  route_unknown: '{method} {path} には何もありません。',
  tenant_unknown: 'テナント {id} は存在しません。先に作成してください。',
  key_id_unknown: 'このテナントにそのようなキーはありません。',
  email_address_none: 'このテナントにはまだメールアドレスがありません。POST /v1/email-address で作成します。',
  email_domain_unset: 'このワーカーではメールが設定されていません。EMAIL_DOMAIN 変数が空です。',
  io_events_none:
    'このテナントは Marketo のイベントストリームを受信していません。POST /v1/io-events で設定します。',
  io_url_unknown: 'このアドレスにはイベントストリームの受信先がありません。',
  io_signature: '配信が Adobe I/O Events によって署名されていないか、一致する署名がありません。',
  io_recipient: 'この配信は別のクライアント ID 宛てです。',
  io_envelope: '本文が Adobe I/O Events の配信ではありません。',
  io_keys_unavailable:
    'Adobe I/O Events のキーサーバーが時間内に応答しませんでした。後でもう一度お試しください。',
  io_challenge: 'challenge は 1～500 文字にしてください。',
  too_large: '本文は最大 {bytes} バイトです。',
  media_type: '本文を {types} として送信してください。',
  idempotency_batch:
    'Idempotency-Key ヘッダーは単一のイベント用です。バッチでは各イベントに個別の ID を付けてください。',
  idempotency_differs: 'Idempotency-Key ヘッダーとイベントの ID が異なります。',
  differs_from_header: 'Idempotency-Key ヘッダーと異なります',
  form_conflict: 'フォームのフィールドが 1 つのオブジェクトを表していません。',
  form_field_conflict: '同じ名前の別のフィールドと矛盾しています',
  cursor_invalid: 'カーソルが無効です。カーソルなしでやり直してください。',
  cursor_field: '無効なカーソル',
  ticket_missing: 'ストリームチケットが必要です：先に POST /v1/stream/ticket を実行してください。',
  ticket_invalid: 'ストリームチケットが無効です。',
  upgrade_needed: 'このアドレスは WebSocket のアップグレードリクエストを想定しています。',
  enroll_only:
    '登録キーは人の登録（POST /v1/enroll）にしか使えません。ここでは読み取りキーか管理者キーを使ってください。',
  enrol_cap:
    'この登録キーでは本日すでに {limit} 人が登録されており、1 日の上限に達しました。' +
    '明日もう一度試すか、別のキーを依頼してください。',
  member_exists:
    'この名前のメンバーはすでに存在します。ご自身の名前で登録するか、' +
    'そのメンバーの 2 つ目のキーを管理者に依頼してください。',
  notification_unknown: 'このテナントにその ID の通知はありません。',
  snooze_past: 'スヌーズの終了は未来の時刻にしてください。',
  snooze_too_long: 'スヌーズできるのは最長 7 日間です。',
  snooze_read: 'スヌーズできるのは未読の通知だけです。この通知は既読か解決済みです。',
  refused: 'リクエストは拒否されました。',
  host_not_allowed:
    'Worker はこのホストを呼び出せません。MARKETO_HOSTS で許可されているのは {patterns} です。',
  https_required: 'https を使用してください（http は MARKETO_HOSTS に記載されたループバックホストのみ）',
  rest_url_invalid:
    'Admin > Web Services の REST エンドポイントを指定してください（例：https://123-ABC-456.mktorest.com）',
  field_required: 'は必須です',
  connector_incomplete: '最初の接続には restUrl、clientId、clientSecret が必要です。',
  connector_key_missing:
    'クライアントシークレットを暗号化するための CONNECTOR_KEY シークレットが Worker にありません。' +
    'wrangler secret put CONNECTOR_KEY で設定してください。',
  secret_required:
    '別のホストの restUrl には clientSecret をもう一度指定してください。' +
    '保存されたシークレットは、入力したときのホストにだけ送信されます。',
  connector_unknown: 'このテナントには Marketo との接続が設定されていません。',
  internal: 'サーバーで問題が発生しました。しばらくしてから再試行してください。',
  form_too_many_fields: 'フォームのフィールドは最大 {max} 個までです。',
  form_name_too_deep: 'フォームのフィールド名は、ドットで区切った部分を最大 {max} 個までしか持てません。',
  method_not_allowed: '{path} は {method} を受け付けません。受け付けるのは {allow} です。',
  rate_limited: 'このキーでのリクエストが多すぎます。{seconds} 秒後にもう一度お試しください。',
  root_attempts:
    'このアドレスからのルートトークンの失敗が多すぎます。{seconds} 秒後にもう一度お試しください。',
  root_disabled: 'ルートアクセスは無効です：シークレット ROOT_TOKEN が 32 文字未満か、例の値のままです。',
  streams_per_key: 'このキーはすでに {max} 本のストリームを開いています。先に 1 本閉じてください。',
  streams_per_tenant: 'このテナントはすでに {max} 本のストリームを開いています。先に 1 本閉じてください。',
  streams_per_enrolment:
    '同じ登録キーで登録されたキーは、合わせてすでに {max} 本のストリームを開いています。先に 1 本閉じてください。',
  tickets_per_key:
    'このキーには未使用のストリームチケットがすでに {max} 枚あります。1 枚使うか、期限切れまでお待ちください。',
  tickets_per_tenant:
    'このテナントには未使用のストリームチケットがすでに {max} 枚あります。1 分後にもう一度お試しください。',
  waits_per_key:
    'このキーにはすでに変更を待っているリクエストが {max} 件あります。いずれかが終わるまでお待ちください。',
  channel_unknown: 'このテナントにはそのチャネルがありません。',
  too_many_channels: 'テナントのチャネルは最大 {max} 個です。先に 1 つ削除してください。',
  channel_url_host:
    'hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams) のアドレスである必要があります',
  channel_url_public: '公開 DNS 名のポート 443 への https で、ユーザー名やパスワードを含まない必要があります',
  channel_url_invalid: '有効な https URL ではありません',
  channel_field_kind: 'この種類のチャネルでは使われません',
  channel_not_webhook: '署名シークレットがあるのは Webhook チャネルだけです。',
  channel_key_missing:
    'Worker にチャネルのアドレスを封印する CONNECTOR_KEY シークレットがありません。' +
    'wrangler secret put CONNECTOR_KEY で設定してください。',
};
