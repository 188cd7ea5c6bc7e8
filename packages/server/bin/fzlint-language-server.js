#!/usr/bin/env node
import { keepAlive, startServer } from '../dist/index.js';

keepAlive(startServer());
