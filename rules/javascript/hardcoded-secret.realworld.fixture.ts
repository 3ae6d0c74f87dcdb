// Real-world shapes for hardcoded-secret in a NestJS service: module options, class fields and constants, with their environment-based fixes.
import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'crypto';

export const jwtConstants = {
  // expect: hardcoded-secret
  secret: 'nest-jwt-s3cret-2024',
};

@Module({
  imports: [
    // expect: hardcoded-secret
    JwtModule.register({ secret: 'secretKey', signOptions: { expiresIn: '60s' } }),
    TypeOrmModule.forRoot({
      type: 'postgres',
      host: 'pg.prod.acmeinc.net',
      username: 'api',
      // expect: hardcoded-secret
      password: 'Vx8!qR2mLp',
      database: 'api',
    }),
  ],
})
export class AuthModule {}

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      // ok: hardcoded-secret
      useFactory: (config: ConfigService) => ({ secret: config.get<string>('JWT_SECRET'), signOptions: { expiresIn: '15m' } }),
    }),
  ],
})
export class AuthModuleFixed {}

@Injectable()
export class AuthService {
  // expect: hardcoded-secret
  private readonly refreshSecret = 'r3fr3sh-t0k3n-k3y-9f8e7d';

  constructor(private readonly jwt: JwtService) {}

  hashPassword(password: string): string {
    // expect: weak-hash
    return createHash('md5').update(password).digest('hex');
  }

  signRefresh(userId: string): string {
    return this.jwt.sign({ sub: userId }, { secret: this.refreshSecret, expiresIn: '7d' });
  }

  signRefreshInline(userId: string): string {
    // expect: hardcoded-secret
    return this.jwt.sign({ sub: userId }, { secret: 'inline-refresh-secret-77', expiresIn: '7d' });
  }

  signRefreshFixed(userId: string): string {
    // ok: hardcoded-secret
    return this.jwt.sign({ sub: userId }, { secret: process.env.JWT_REFRESH_SECRET, expiresIn: '7d' });
  }
}
