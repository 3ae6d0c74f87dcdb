// Real-world NestJS shapes of NoSQL operator injection: untyped bodies reach Mongoose; DTO classes validated by the pipe do not.
import { Body, Controller, Post, Query, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { IsString } from 'class-validator';
import type { Model } from 'mongoose';

class LoginDto {
  @IsString() email!: string;
  @IsString() password!: string;
}

@Controller('auth')
export class AuthController {
  constructor(@InjectModel('User') private readonly userModel: Model<any>) {}

  @Post('login')
  async login(@Body() body: any) {
    // expect: nosql-injection
    const user = await this.userModel.findOne({ email: body.email, password: body.password });
    return { ok: !!user };
  }

  @Post('login-dto')
  async loginDto(@Body() dto: LoginDto) {
    // ok: nosql-injection
    const user = await this.userModel.findOne({ email: dto.email, password: dto.password });
    return { ok: !!user };
  }

  @Get('users')
  async list(@Query() query: Record<string, unknown>) {
    // expect: nosql-injection
    return this.userModel.find(query);
  }
}
