import type { MessageKey } from './en';

export const ptBR: Record<MessageKey, string> = {
  invalid_body: 'O corpo da solicitação não é válido.',
  invalid_query: 'Os parâmetros da consulta não são válidos.',
  invalid_param: 'O endereço não é válido.',
  invalid_header: 'Um cabeçalho da solicitação não é válido.',
  invalid_json: 'O corpo não é um JSON válido.',
  key_missing: 'É preciso uma chave: envie Authorization: Bearer <chave>.',
  key_unknown: 'A chave é desconhecida ou foi revogada.',
  root_not_tenant_key: 'O token raiz gerencia tenants e chaves; use aqui uma chave de tenant.',
  role_needed: 'Isto exige uma chave com a função {role}; esta chave tem a função {has}.',
  root_only: 'Só o token raiz pode fazer isto.',
  own_tenant_only: 'Uma chave só pode gerenciar as chaves do próprio tenant.',
  route_unknown: 'Não há nada em {method} {path}.',
  tenant_unknown: 'O tenant {id} não existe; crie-o primeiro.',
  key_id_unknown: 'Este tenant não tem essa chave.',
  email_address_none: 'Este tenant ainda não tem endereço de e-mail; POST /v1/email-address cria um.',
  email_domain_unset: 'O e-mail não está configurado neste worker: a variável EMAIL_DOMAIN está vazia.',
  io_events_none: 'Este tenant não recebe os fluxos de eventos do Marketo; POST /v1/io-events os configura.',
  io_url_unknown: 'Não há receptor de fluxos de eventos neste endereço.',
  io_signature: 'A entrega não está assinada pelo Adobe I/O Events, ou nenhuma assinatura confere.',
  io_recipient: 'A entrega é destinada a outro ID do cliente.',
  io_envelope: 'O corpo não é uma entrega do Adobe I/O Events.',
  io_keys_unavailable:
    'O servidor de chaves do Adobe I/O Events não respondeu a tempo; tente novamente mais tarde.',
  io_challenge: 'O challenge deve ter de 1 a 500 caracteres.',
  too_large: 'O corpo pode ter no máximo {bytes} bytes.',
  media_type: 'Envie o corpo como {types}.',
  idempotency_batch:
    'O cabeçalho Idempotency-Key é para um único evento; dê a cada evento de um lote o próprio id.',
  idempotency_differs: 'O cabeçalho Idempotency-Key e o id do evento são diferentes.',
  differs_from_header: 'difere do cabeçalho Idempotency-Key',
  form_conflict: 'Os campos do formulário não descrevem um único objeto.',
  form_field_conflict: 'conflita com outro campo de mesmo nome',
  cursor_invalid: 'O cursor não é válido; recomece sem ele.',
  cursor_field: 'cursor inválido',
  ticket_missing: 'É preciso um ticket de stream: primeiro POST /v1/stream/ticket.',
  ticket_invalid: 'O ticket de stream não é válido.',
  upgrade_needed: 'Este endereço espera uma solicitação de upgrade para WebSocket.',
  enroll_only:
    'Uma chave de inscrição serve apenas para inscrever pessoas (POST /v1/enroll); ' +
    'use aqui uma chave de leitura ou de administração.',
  enrol_cap:
    'Esta chave de inscrição já inscreveu {limit} pessoas hoje, o limite diário; ' +
    'tente novamente amanhã ou peça outra chave.',
  member_exists:
    'Já existe um membro com esse nome. Inscreva-se com seu próprio ' +
    'nome ou peça a um administrador uma segunda chave para esse membro.',
  notification_unknown: 'Este locatário não tem nenhuma notificação com esse ID.',
  snooze_past: 'O adiamento precisa terminar no futuro.',
  snooze_too_long: 'Um adiamento dura no máximo 7 dias.',
  snooze_read: 'Só é possível adiar uma notificação não lida; esta está lida ou resolvida.',
  refused: 'A solicitação foi recusada.',
  host_not_allowed: 'O worker não pode chamar este host; MARKETO_HOSTS permite {patterns}.',
  https_required: 'deve usar https (http só para um host de loopback listado em MARKETO_HOSTS)',
  rest_url_invalid:
    'deve ser o endpoint REST de Admin > Web Services, por exemplo https://123-ABC-456.mktorest.com',
  field_required: 'é obrigatório',
  connector_incomplete: 'A primeira conexão precisa de restUrl, clientId e clientSecret.',
  connector_key_missing:
    'O worker não tem o segredo CONNECTOR_KEY para criptografar o segredo do cliente; ' +
    'defina-o com wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'Uma restUrl em outro host precisa do clientSecret de novo: ' +
    'o segredo salvo só é enviado ao host para o qual foi informado.',
  connector_unknown: 'Este tenant não tem uma conexão com o Marketo.',
  internal: 'Algo deu errado no servidor; tente de novo mais tarde.',
  form_too_many_fields: 'Um formulário pode ter no máximo {max} campos.',
  form_name_too_deep:
    'O nome de um campo de formulário pode ter no máximo {max} partes separadas por pontos.',
  method_not_allowed: '{path} não aceita {method}; aceita {allow}.',
  rate_limited: 'Solicitações demais com esta chave; tente de novo em {seconds} s.',
  root_attempts:
    'Tentativas com falha demais com o token root a partir deste endereço; tente de novo em {seconds} s.',
  root_disabled:
    'O acesso root está desativado: o segredo ROOT_TOKEN tem menos de 32 caracteres ou é o valor de exemplo.',
  streams_per_key: 'Esta chave já tem {max} streams abertos; feche um primeiro.',
  streams_per_tenant: 'Este tenant já tem {max} streams abertos; feche um primeiro.',
  streams_per_enrolment:
    'As chaves inscritas com a mesma chave de inscrição já têm {max} streams abertos no total; feche um primeiro.',
  tickets_per_key: 'Esta chave já tem {max} tickets de stream não usados; use um ou espere que expirem.',
  tickets_per_tenant: 'Este tenant já tem {max} tickets de stream não usados; tente de novo em um minuto.',
  waits_per_key: 'Esta chave já tem {max} solicitações aguardando uma alteração; espere uma terminar.',
  channel_unknown: 'Este locatário não tem esse canal.',
  too_many_channels: 'Um locatário pode ter no máximo {max} canais; remova um primeiro.',
  channel_url_host:
    'deve ser um endereço de hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)',
  channel_url_public: 'deve ser https na porta 443 de um nome DNS público, sem nome de usuário ou senha',
  channel_url_invalid: 'não é uma URL https válida',
  channel_field_kind: 'não é usado por este tipo de canal',
  channel_not_webhook: 'Somente canais de webhook têm um segredo de assinatura.',
  channel_key_missing:
    'O worker não tem o segredo CONNECTOR_KEY para selar os endereços dos canais; ' +
    'defina-o com wrangler secret put CONNECTOR_KEY.',
};
