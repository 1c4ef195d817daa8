/** Users, sessions and API tokens. */
import { Type, type Static } from 'typebox';
import { USER_ROLES, TOKEN_SCOPES } from '../domain/vocabulary.js';
import { closed, oneOf } from './common.js';

/** A user as the API shows it (never the password hash). */
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: oneOf(USER_ROLES),
  canSeeFinancials: Type.Boolean(),
  disabled: Type.Optional(Type.Boolean()),
});
export type User = Static<typeof User>;
export type Role = User['role'];
/** POST /api/users: the user created (its permissions are as asked). */
export const CreatedUser = Type.Object({ id: Type.String(), username: Type.String(), role: oneOf(USER_ROLES) });

export const LoginInput = closed({ username: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 1024 }) });
export type LoginInput = Static<typeof LoginInput>;

export const NewUser = closed({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ maxLength: 1024 }),
  role: oneOf(USER_ROLES),
  canSeeFinancials: Type.Optional(Type.Boolean()),
});
export type NewUser = Static<typeof NewUser>;

export const UserChange = closed(
  {
    role: Type.Optional(oneOf(USER_ROLES)),
    disabled: Type.Optional(Type.Boolean({ description: 'true: cannot sign in, sessions end, API tokens refused' })),
    canSeeFinancials: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type UserChange = Static<typeof UserChange>;

export const PasswordReset = closed({
  password: Type.Optional(Type.String({ maxLength: 1024, description: 'at least 10 characters; absent: generated' })),
});
export type PasswordReset = Static<typeof PasswordReset>;
export const PasswordResetReply = Type.Object({
  generated: Type.Boolean(),
  password: Type.Optional(Type.String({ description: 'the generated password, only when generated' })),
});

export const PasswordChange = closed({
  currentPassword: Type.String({ maxLength: 1024 }),
  newPassword: Type.String({ maxLength: 1024, description: 'at least 10 characters' }),
  revokeTokens: Type.Optional(
    Type.Boolean({ default: false, description: 'also revoke every API token you have (do this when the password may have leaked)' }),
  ),
});
export type PasswordChange = Static<typeof PasswordChange>;

/** POST /api/tokens; the limits on days are the service's (src/services/users.ts). */
export const tokenInput = (maxDays: number, defaultDays: number) =>
  closed({
    scope: oneOf(TOKEN_SCOPES),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    expiresInDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: maxDays, default: defaultDays, description: 'the token stops working after this many days' }),
    ),
  });
export type TokenInput = Static<ReturnType<typeof tokenInput>>;

/** The session: who is signed in. */
export const Session = Type.Object({ user: User });
export type Session = Static<typeof Session>;

/** POST /api/tokens: the new token, its secret shown this once. */
export const ApiTokenCreated = Type.Object({ id: Type.String(), token: Type.String(), expiresAt: Type.String() });
export type ApiTokenCreated = Static<typeof ApiTokenCreated>;
