'use client'
export {}
